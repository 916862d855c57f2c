package com.halopsaconnector.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

/**
 * Halo's timestamps, and the single text form we store instants in. The stored form has a fixed
 * width (four-digit year, milliseconds, 'Z'), so comparing two of them as strings, as DynamoDB
 * conditions do, compares them as instants.
 */
public final class HaloTime {

    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private HaloTime() {
    }

    /**
     * Reads an ISO-8601 date-time. Some Halo instances send local date-times without an offset;
     * those are UTC. Anything unreadable, or outside years 1-9999, is empty.
     */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text.trim(),
                    OffsetDateTime::from, LocalDateTime::from);
            Instant instant = parsed instanceof OffsetDateTime withOffset
                    ? withOffset.toInstant() : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
            return instant.isBefore(EARLIEST) || instant.isAfter(LATEST) ? Optional.empty() : Optional.of(instant);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'} in UTC; finer precision is cut off. */
    public static String sortable(Instant instant) {
        return SORTABLE.format(instant);
    }
}
