package com.halopsaconnector.domain;

/**
 * The passes of a ticket sync, in order. A first sync removes what the connection held of other
 * Halo data, reads every open ticket, then the closed ones changed within the look-back; an
 * incremental sync reads what changed since the watermark. Both then catch up with what changed in
 * Halo while they ran, and end by fetching the tickets that event-only webhooks marked stale.
 * Each listing pass pages through its filter and is then checked against the ids Halo lists for it.
 */
public enum SyncPass {
    PURGE, FIRST_OPEN, FIRST_RECENT_CLOSED, INCREMENTAL, CATCH_UP, STALE;

    /** The pass after this one, or {@code null} when the sync is done. */
    public SyncPass next() {
        return switch (this) {
            case PURGE -> FIRST_OPEN;
            case FIRST_OPEN -> FIRST_RECENT_CLOSED;
            case FIRST_RECENT_CLOSED, INCREMENTAL -> CATCH_UP;
            case CATCH_UP -> STALE;
            case STALE -> null;
        };
    }

    /** Whether the pass pages through a filtered ticket list (and is checked against its ids). */
    public boolean listsTickets() {
        return this == FIRST_OPEN || this == FIRST_RECENT_CLOSED || this == INCREMENTAL || this == CATCH_UP;
    }
}
