package com.halopsaconnector.webhook;

/** The tenant's webhook demands Basic auth and the delivery did not bring the right credentials. */
class WebhookUnauthenticatedException extends RuntimeException {

    WebhookUnauthenticatedException() {
        super("Missing or wrong Basic credentials", null, false, false);
    }
}
