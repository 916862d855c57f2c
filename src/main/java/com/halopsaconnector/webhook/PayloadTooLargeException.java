package com.halopsaconnector.webhook;

/**
 * A delivery too big to take: over {@link DeliveryParser#MAX_BODY_BYTES} or over
 * {@link DeliveryParser#MAX_EVENTS} events. The message is the problem detail shown to the customer;
 * {@link #bodyError()} is what it says about the {@code body} field.
 */
class PayloadTooLargeException extends RuntimeException {

    private static final String LOWER_BATCH_SIZE =
            "lower the batch size of this webhook in Halo (Configuration > Integrations > Webhooks)";

    private final String bodyError;

    private PayloadTooLargeException(String detail, String bodyError) {
        super(detail, null, false, false);
        this.bodyError = bodyError;
    }

    static PayloadTooLargeException bodyOver(int maxBytes) {
        return new PayloadTooLargeException("A delivery may be at most " + maxBytes + " bytes; when it batches several"
                + " events, " + LOWER_BATCH_SIZE + ".", "is larger than " + maxBytes + " bytes");
    }

    static PayloadTooLargeException eventsOver(int maxEvents, int events) {
        return new PayloadTooLargeException("A delivery may hold at most " + maxEvents + " events; this one held " + events
                + ". Nothing was stored: " + LOWER_BATCH_SIZE + " so that each delivery holds at most " + maxEvents
                + " events.", "holds " + events + " events; at most " + maxEvents + " are allowed");
    }

    String bodyError() {
        return bodyError;
    }
}
