package com.halopsaconnector.halo;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * One request to Halo. Every request carries credentials (a client secret in the form, or a bearer
 * token in the headers), so {@link #toString()} shows neither.
 *
 * @param maxWait how long the caller can wait for the answer at most; the configured timeouts may be shorter
 */
record HaloRequest(String method, URI uri, Map<String, String> headers, String formBody, Duration maxWait) {

    static final String FORM = "application/x-www-form-urlencoded";

    static HaloRequest get(URI uri, String authorization, Duration maxWait) {
        return new HaloRequest("GET", uri, Map.of("Authorization", authorization, "Accept", "application/json"),
                null, maxWait);
    }

    static HaloRequest postForm(URI uri, String formBody, Duration maxWait) {
        return new HaloRequest("POST", uri, Map.of("Content-Type", FORM, "Accept", "application/json"),
                formBody, maxWait);
    }

    /** Base URL (trailing slashes dropped) plus path, and a query string when it is not empty. */
    static URI target(String baseUrl, String path, String query) {
        String base = baseUrl;
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + path + (query == null || query.isEmpty() ? "" : "?" + query));
    }

    @Override
    public String toString() {
        return "HaloRequest[" + method + " " + uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath() + "]";
    }
}
