package com.halopsaconnector.domain;

/**
 * The passes of a ticket sync, in order. A first sync reads every open ticket, then the closed ones
 * changed within the look-back; an incremental sync reads what changed since the watermark; both
 * end by fetching the tickets that event-only webhooks marked stale.
 */
public enum SyncPass {
    FIRST_OPEN, FIRST_RECENT_CLOSED, INCREMENTAL, STALE;

    /** The pass after this one, or {@code null} when the sync is done. */
    public SyncPass next() {
        return switch (this) {
            case FIRST_OPEN -> FIRST_RECENT_CLOSED;
            case FIRST_RECENT_CLOSED, INCREMENTAL -> STALE;
            case STALE -> null;
        };
    }

    public boolean pagesThroughTickets() {
        return this != STALE;
    }
}
