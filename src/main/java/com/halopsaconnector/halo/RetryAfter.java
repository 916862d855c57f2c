package com.halopsaconnector.halo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads an HTTP {@code Retry-After} value: delta-seconds or an HTTP date. */
final class RetryAfter {

    private RetryAfter() {
    }

    /** @param now the time the answer was received, for a header that names a date */
    static Optional<Duration> parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration untilThen = Duration.between(now, at);
                return Optional.of(untilThen.isNegative() ? Duration.ZERO : untilThen);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
