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
    public static final String SOURCE_WEBHOOK = "webhook";
    public static final String SOURCE_SYNC = "sync";
    /** The sparse index over {@link #STALE_PK} / {@link #STALE_SINCE}: only stale ticket items are in it. */
    public static final String STALE_INDEX = "stale-tickets";

    private TicketAttributes() {
    }
}
