package com.halopsaconnector.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.halopsaconnector.domain.WebhookEvent;
import com.halopsaconnector.store.webhook.StoredEventLookup;
import com.halopsaconnector.store.webhook.WebhookEventWriter;

/**
 * Stores a delivery's events one by one, each in its own transaction. A batch first looks up which
 * of its events are stored already, so a replayed batch costs no transaction for those; a single
 * event skips that read, since its transaction finds out just as well. When storage fails midway
 * the whole delivery is answered 503; Halo sends it again, the events already stored come back as
 * duplicates and the rest are stored, so every event ends up stored exactly once.
 */
@ApplicationScoped
public class DeliveryRecorder {

    private static final Logger LOG = Logger.getLogger(DeliveryRecorder.class);

    @Inject
    WebhookEventWriter writer;

    @Inject
    StoredEventLookup storedEvents;

    @Inject
    FutureTimeLimit timeLimit;

    @Inject
    Clock clock;

    /**
     * @param epoch the sync epoch the callback token names (see {@code CallbackTokenOwner})
     * @throws UnknownCallbackTokenException when the tenant was disconnected while this ran
     */
    public DeliveryReceipt record(String tenant, long epoch, List<WebhookEvent> events) {
        Instant receivedAt = Instant.now(clock);
        Set<String> storedBefore = events.size() > 1
                ? storedEvents.alreadyStored(tenant, events.stream().map(WebhookEvent::key).toList())
                : Set.of();
        int duplicates = 0;
        int datedAhead = 0;
        for (WebhookEvent received : events) {
            if (storedBefore.contains(received.key())) {
                duplicates++;
                continue;
            }
            WebhookEvent event = timeLimit.apply(received, receivedAt);
            if (event.futureTimeClamped()) {
                datedAhead++;
            }
            switch (writer.write(tenant, epoch, event, receivedAt)) {
                case STORED -> {
                }
                case DUPLICATE -> duplicates++;
                case TENANT_GONE -> {
                    LOG.info("Webhook delivery refused: the connection was deleted while it was being stored");
                    throw new UnknownCallbackTokenException();
                }
            }
        }
        LOG.infof("Webhook delivery stored: %d events, %d already known, %d dated too far ahead (stored as received)",
                events.size(), duplicates, datedAhead);
        return new DeliveryReceipt(events.size(), duplicates);
    }
}
