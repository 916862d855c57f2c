package com.halopsaconnector.webhook;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.halopsaconnector.domain.WebhookEvent;

/**
 * Halo's clock and ours may differ a little, but a ticket time far ahead of now would win every
 * later never-older comparison and freeze the ticket. So a time later than the receive time plus
 * the allowed skew counts as the receive time.
 */
@ApplicationScoped
public class FutureTimeLimit {

    @ConfigProperty(name = "connector.webhook.max-clock-skew")
    Duration maxClockSkew;

    public WebhookEvent apply(WebhookEvent event, Instant receivedAt) {
        return event.withTimesNoLaterThan(receivedAt.plus(maxClockSkew), receivedAt);
    }
}
