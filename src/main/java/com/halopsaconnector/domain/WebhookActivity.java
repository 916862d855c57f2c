package com.halopsaconnector.domain;

import java.time.Instant;

/** The webhook's counters on the connection; only the webhook function writes them. */
public record WebhookActivity(Instant lastWebhookAt, long webhooksReceived) {

    public static final WebhookActivity NONE = new WebhookActivity(null, 0);
}
