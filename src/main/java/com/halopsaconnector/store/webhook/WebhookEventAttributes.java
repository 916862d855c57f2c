package com.halopsaconnector.store.webhook;

/** Attribute names of the webhook event item. */
final class WebhookEventAttributes {

    static final String EVENT = "event";
    static final String TICKET_ID = "ticketId";
    static final String WEBHOOK_ID = "webhookId";
    static final String RECEIVED_AT = "receivedAt";
    static final String EVENT_TIMESTAMP = "eventTimestamp";
    static final String RAW = "raw";
    /** Set (true) when a time Halo sent lay too far ahead and the receive time was stored instead. */
    static final String FUTURE_TIME_CLAMPED = "futureTimeClamped";

    private WebhookEventAttributes() {
    }
}
