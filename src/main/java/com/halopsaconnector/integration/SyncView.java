package com.halopsaconnector.integration;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import com.halopsaconnector.domain.SyncState;

/**
 * The ticket sync as the customer sees it: {@code state} is never, running, idle or failed;
 * {@code error} says in plain words why the last run stopped early.
 */
public record SyncView(String state, long ticketsSynced, boolean complete, Instant watermark, Instant lastSuccessAt,
                       Instant nextRunAt, String error) {

    static SyncView of(SyncState sync) {
        return new SyncView(sync.phase().name().toLowerCase(Locale.ROOT), sync.ticketsSynced(), sync.complete(),
                millis(sync.watermark()), millis(sync.lastSuccessAt()), millis(sync.nextRunAt()), sync.error());
    }

    /** The table keeps milliseconds; a state just computed shows the same as one read back. */
    private static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
