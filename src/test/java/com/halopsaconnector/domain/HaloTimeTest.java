package com.halopsaconnector.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class HaloTimeTest {

    @Test
    void utcTimestamp_isReadAsIs() {
        assertThat(HaloTime.parse("2026-11-28T05:00:00.000Z")).contains(Instant.parse("2026-11-28T05:00:00Z"));
    }

    @Test
    void timestampWithoutZone_isReadAsUtc() {
        assertThat(HaloTime.parse("2026-11-28T05:00:00")).contains(Instant.parse("2026-11-28T05:00:00Z"));
        assertThat(HaloTime.parse("2026-11-28T05:00:00.1234567")).contains(Instant.parse("2026-11-28T05:00:00.1234567Z"));
    }

    @Test
    void timestampWithOffset_isConvertedToUtc() {
        assertThat(HaloTime.parse("2026-11-28T06:00:00+01:00")).contains(Instant.parse("2026-11-28T05:00:00Z"));
    }

    @Test
    void unreadableOrMissingTimestamp_isEmpty() {
        assertThat(HaloTime.parse("yesterday")).isEmpty();
        assertThat(HaloTime.parse("2026-11-28")).isEmpty();
        assertThat(HaloTime.parse("")).isEmpty();
        assertThat(HaloTime.parse(null)).isEmpty();
    }

    @Test
    void sortableForm_hasFixedMillisecondPrecision() {
        assertThat(HaloTime.sortable(Instant.parse("2026-11-28T05:00:00Z"))).isEqualTo("2026-11-28T05:00:00.000Z");
        assertThat(HaloTime.sortable(Instant.parse("2026-11-28T05:00:00.1234567Z"))).isEqualTo("2026-11-28T05:00:00.123Z");
    }

    @Test
    void sortableForms_compareAsStringsLikeTheirInstants() {
        Instant whole = Instant.parse("2026-11-28T05:00:00Z");
        Instant half = Instant.parse("2026-11-28T05:00:00.500Z");
        // Instant.toString would give "...05:00:00Z" > "...05:00:00.500Z", the wrong order.
        assertThat(whole.toString().compareTo(half.toString())).isPositive();
        assertThat(HaloTime.sortable(whole).compareTo(HaloTime.sortable(half))).isNegative();
    }
}
