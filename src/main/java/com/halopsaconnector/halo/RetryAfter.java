package com.halopsaconnector.halo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an HTTP {@code Retry-After} value: delta-seconds or an HTTP date. Any wait is capped at
 * {@link #LONGEST}: a Halo URL is whatever a user typed, and no answer may pause an instance for
 * longer, nor overflow the time it is added to.
 */
final class RetryAfter {

    static final Duration LONGEST = Duration.ofHours(1);
    private static final Pattern SECONDS = Pattern.compile("\\d+");

    private RetryAfter() {
    }

    /** @param now the time the answer was received, for a header that names a date */
    static Optional<Duration> parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        if (value.startsWith("-") && SECONDS.matcher(value.substring(1)).matches()) {
            return Optional.of(Duration.ZERO);
        }
        if (SECONDS.matcher(value).matches()) {
            // More digits than a long holds, or more seconds than the cap: the cap.
            boolean huge = value.length() > 9;
            return Optional.of(huge ? LONGEST : capped(Duration.ofSeconds(Long.parseLong(value))));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration untilThen = Duration.between(now, at);
            return Optional.of(untilThen.isNegative() ? Duration.ZERO : capped(untilThen));
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    private static Duration capped(Duration wait) {
        return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
    }
}
