package com.halopsaconnector.halo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code application/x-www-form-urlencoded}, for form bodies and query strings alike. */
final class FormEncoding {

    private FormEncoding() {
    }

    /** {@code a=1&b=x%3Ay} in the map's order; entries with a null value are left out. */
    static String encode(Map<String, ?> parameters) {
        return parameters.entrySet().stream()
                .filter(entry -> entry.getValue() != null)
                .map(entry -> component(entry.getKey()) + "=" + component(String.valueOf(entry.getValue())))
                .collect(Collectors.joining("&"));
    }

    /** One path segment: as a form value, but a space is {@code %20}, never {@code +}. */
    static String pathSegment(String value) {
        return component(value).replace("+", "%20");
    }

    private static String component(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
