package com.halopsaconnector.halo;

import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** The OAuth {@code error} code from Halo's answer, kept only when it is a plain code safe to echo. */
final class HaloErrorCode {

    private static final Pattern PLAIN_CODE = Pattern.compile("[a-z_]{1,40}");

    private HaloErrorCode() {
    }

    static Optional<String> from(JsonNode body) {
        if (body == null || !body.path("error").isTextual()) {
            return Optional.empty();
        }
        String code = body.get("error").asText();
        return PLAIN_CODE.matcher(code).matches() ? Optional.of(code) : Optional.empty();
    }
}
