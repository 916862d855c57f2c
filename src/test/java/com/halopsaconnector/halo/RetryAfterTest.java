package com.halopsaconnector.halo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

class RetryAfterTest {

    /** The answer's arrival; any instant would do, the header's date is made from it. */
    static final Instant RECEIVED = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    @Test
    void readsSecondsAndHttpDates() {
        assertThat(RetryAfter.parse("7", RECEIVED)).contains(Duration.ofSeconds(7));
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(RECEIVED.plusSeconds(10).atZone(ZoneOffset.UTC));
        assertThat(RetryAfter.parse(inTenSeconds, RECEIVED)).contains(Duration.ofSeconds(10));
    }

    @Test
    void anyWaitIsCappedAtAnHour_howeverItIsWritten() {
        assertThat(RetryAfter.parse("3601", RECEIVED)).contains(RetryAfter.LONGEST);
        assertThat(RetryAfter.parse("99999999999", RECEIVED)).contains(Duration.ofHours(1));
        assertThat(RetryAfter.parse("9".repeat(40), RECEIVED)).contains(Duration.ofHours(1));
        String nextYear = DateTimeFormatter.RFC_1123_DATE_TIME.format(RECEIVED.plus(Duration.ofDays(400)).atZone(ZoneOffset.UTC));
        assertThat(RetryAfter.parse(nextYear, RECEIVED)).contains(Duration.ofHours(1));
        assertThat(RetryAfter.parse("3600", RECEIVED)).contains(Duration.ofHours(1));
    }

    @Test
    void ignoresWhatItCannotRead() {
        assertThat(RetryAfter.parse(null, RECEIVED)).isEmpty();
        assertThat(RetryAfter.parse("soon", RECEIVED)).isEmpty();
        assertThat(RetryAfter.parse("-5", RECEIVED)).contains(Duration.ZERO);
    }
}
