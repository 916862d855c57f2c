package com.halopsaconnector.store.ticket;

/** Attribute names of the ticket item, besides Halo's own ticket fields. */
public final class TicketAttributes {

    public static final String TICKET_ID = "ticketId";
    public static final String TICKET_JSON = "ticketJson";
    public static final String LAST_CHANGED_AT = "lastChangedAt";
    public static final String LAST_EVENT_AT = "lastEventAt";
    public static final String SOURCE = "source";
    public static final String STALE = "stale";
    public static final String STALE_SINCE = "staleSince";
    public static final String STALE_PK = "stalePk";
    public static final String DELETED = "deleted";
    /** The sync epoch (the line of syncs of one Halo's data) that wrote the item. */
    public static final String EPOCH = "epoch";
    /** Which pass of which sync last read the ticket from Halo ({@code SyncCursor.readMark()}). */
    public static final String READ_MARK = "syncReadMark";
    /** When the sync fetches a stale ticket next: the mark's time, later after failed fetches. */
    public static final String STALE_DUE_AT = "staleDueAt";
    /** Fetches of a stale ticket in a row that failed, and why the last one did. */
    public static final String STALE_FAILURES = "staleFailures";
    public static final String STALE_ERROR = "staleError";
    public static final String SOURCE_WEBHOOK = "webhook";
    public static final String SOURCE_SYNC = "sync";
    /** The sparse index over {@link #STALE_PK} / {@link #STALE_DUE_AT}: only stale ticket items are in it. */
    public static final String STALE_INDEX = "stale-tickets";

    private TicketAttributes() {
    }
}
