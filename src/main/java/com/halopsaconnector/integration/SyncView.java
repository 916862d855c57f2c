package com.halopsaconnector.integration;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import com.halopsaconnector.domain.SyncState;

/**
 * The ticket sync as the customer sees it: {@code state} is never, running, idle or failed;
 * {@code error} says in plain words why the last run stopped early; {@code failedTickets} names the
 * tickets Halo would not give the sync, each tried again at its {@code retryAt}.
 */
public record SyncView(String state, long ticketsSynced, boolean complete, Instant watermark, Instant lastSuccessAt,
                       Instant nextRunAt, String error, List<FailedTicketView> failedTickets) {

    public record FailedTicketView(String ticketId, String error, Instant retryAt) {
    }

    static SyncView of(SyncState sync) {
        return new SyncView(sync.phase().name().toLowerCase(Locale.ROOT), sync.ticketsSynced(), sync.complete(),
                millis(sync.watermark()), millis(sync.lastSuccessAt()), millis(sync.nextRunAt()), sync.error(),
                sync.failedTickets().stream()
                        .map(failure -> new FailedTicketView(failure.ticketId(), failure.error(), millis(failure.retryAt())))
                        .toList());
    }

    /** The table keeps milliseconds; a state just computed shows the same as one read back. */
    private static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
