package com.halopsaconnector.settingspage;

import jakarta.ws.rs.core.Response;

/** The page loads only its own files and talks only to this origin; nothing it serves is cached. */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    static Response.ResponseBuilder addTo(Response.ResponseBuilder response) {
        return response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store");
    }
}
