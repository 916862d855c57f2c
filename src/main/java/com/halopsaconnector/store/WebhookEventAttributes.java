package com.halopsaconnector.store;

/** Attribute names of the webhook event item and of the ticket item (besides Halo's own ticket fields). */
final class WebhookEventAttributes {

    static final String EVENT = "event";
    static final String TICKET_ID = "ticketId";
    static final String WEBHOOK_ID = "webhookId";
    static final String RECEIVED_AT = "receivedAt";
    static final String EVENT_TIMESTAMP = "eventTimestamp";
    static final String RAW = "raw";
    /** Set (true) when a time Halo sent lay too far ahead and the receive time was stored instead. */
    static final String FUTURE_TIME_CLAMPED = "futureTimeClamped";

    static final String TICKET_JSON = "ticketJson";
    static final String LAST_CHANGED_AT = "lastChangedAt";
    static final String LAST_EVENT_AT = "lastEventAt";
    static final String SOURCE = "source";
    static final String STALE = "stale";
    static final String STALE_SINCE = "staleSince";
    static final String STALE_PK = "stalePk";
    static final String DELETED = "deleted";
    static final String SOURCE_WEBHOOK = "webhook";
    static final String SOURCE_SYNC = "sync";
    /** The sparse index over {@link #STALE_PK} / {@link #STALE_SINCE}: only stale ticket items are in it. */
    static final String STALE_INDEX = "stale-tickets";

    private WebhookEventAttributes() {
    }
}
