package com.halopsaconnector.standin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Parameters of a query string or a form body; a name given twice keeps its last value. */
record QueryString(Map<String, String> values) {

    static QueryString parse(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                values.put(decode(name), decode(value));
            }
        }
        return new QueryString(values);
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    boolean isTrue(String name) {
        return get(name).map("true"::equalsIgnoreCase).orElse(false);
    }

    int intOr(String name, int fallback) {
        try {
            return get(name).map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
