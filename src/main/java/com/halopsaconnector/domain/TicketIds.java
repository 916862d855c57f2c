package com.halopsaconnector.domain;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Halo ticket ids arrive as numbers or as strings ({@code 5002}, {@code "5002"}, and in messages
 * zero-padded as {@code "0005002"}); all of them name the ticket {@code "5002"}.
 */
public final class TicketIds {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,30}");

    private TicketIds() {
    }

    /** The canonical id, or empty when {@code text} is not a non-negative whole number. */
    public static Optional<String> normalise(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        if (!DIGITS.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigInteger(trimmed).toString());
    }
}
