package com.halopsaconnector.webhook;

/** A delivery body over {@link DeliveryParser#MAX_BODY_BYTES}. */
class PayloadTooLargeException extends RuntimeException {

    PayloadTooLargeException() {
        super("Delivery body too large", null, false, false);
    }
}
