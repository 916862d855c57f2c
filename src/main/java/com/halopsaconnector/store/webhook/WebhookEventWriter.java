package com.halopsaconnector.store.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.halopsaconnector.domain.TicketSnapshot;
import com.halopsaconnector.domain.WebhookEvent;
import com.halopsaconnector.store.JitteredBackoff;
import com.halopsaconnector.store.StoreUnavailableException;
import com.halopsaconnector.store.TableName;
import com.halopsaconnector.store.UpdateExpressionBuilder;
import com.halopsaconnector.store.ticket.TicketAttributes;
import com.halopsaconnector.store.ticket.TicketItemWrites;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Stores one webhook event exactly once: the event item, its ticket item and the connection's
 * counters in ONE transaction, so a retried delivery can never count or store an event twice and a
 * crash between writes cannot leave half of them behind.
 */
@ApplicationScoped
public class WebhookEventWriter {

    private static final Logger LOG = Logger.getLogger(WebhookEventWriter.class);
    static final int MAX_CONFLICT_ATTEMPTS = 4;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableName table;

    /** @param epoch the sync epoch the callback token was issued under (the ticket write carries it) */
    public EventWriteResult write(String tenant, long epoch, WebhookEvent event, Instant receivedAt) {
        WebhookEventItems items = new WebhookEventItems(table.value(), tenant);
        TicketItemWrites tickets = new TicketItemWrites(table.value(), tenant, epoch);
        boolean withTicket = event.ticketId() != null;
        int conflicts = 0;
        while (true) {
            try {
                List<TransactWriteItem> writes = writes(items, tickets, event, receivedAt, withTicket);
                dynamo.transactWriteItems(r -> r.transactItems(writes));
                return EventWriteResult.STORED;
            } catch (TransactionCanceledException e) {
                switch (TransactionCancellation.of(e.cancellationReasons(), withTicket)) {
                    case TENANT_GONE -> {
                        return EventWriteResult.TENANT_GONE;
                    }
                    case DUPLICATE_EVENT -> {
                        return EventWriteResult.DUPLICATE;
                    }
                    // The event must still be stored and counted once; the ticket keeps its newer data.
                    case TICKET_HOLDS_NEWER_DATA -> withTicket = false;
                    case CONFLICT -> {
                        conflicts++;
                        if (conflicts >= MAX_CONFLICT_ATTEMPTS) {
                            throw new StoreUnavailableException("DynamoDB", e);
                        }
                        LOG.debugf("Transaction conflict storing a webhook event, attempt %d", conflicts);
                        if (!JitteredBackoff.pause(conflicts)) {
                            throw new StoreUnavailableException("DynamoDB", e);
                        }
                    }
                    default -> throw new StoreUnavailableException("DynamoDB", e);
                }
            } catch (SdkException e) {
                throw new StoreUnavailableException("DynamoDB", e);
            }
        }
    }

    private static List<TransactWriteItem> writes(WebhookEventItems items, TicketItemWrites tickets, WebhookEvent event,
                                                  Instant receivedAt, boolean withTicket) {
        List<TransactWriteItem> writes = new ArrayList<>(3);
        writes.add(TransactWriteItem.builder().put(items.event(event, receivedAt)).build());
        if (withTicket) {
            writes.add(TransactWriteItem.builder().update(ticketWrite(tickets, event, receivedAt)
                    .toUpdate(tickets.table(), tickets.key(event.ticketId()))).build());
        }
        writes.add(TransactWriteItem.builder().update(items.connectionCounters(receivedAt)).build());
        return writes;
    }

    private static UpdateExpressionBuilder ticketWrite(TicketItemWrites tickets, WebhookEvent event, Instant receivedAt) {
        Instant eventAt = event.occurredAtOr(receivedAt);
        TicketSnapshot ticket = event.ticket();
        if (ticket == null) {
            return tickets.stale(event.ticketId(), eventAt);
        }
        Instant changedAt = ticket.lastUpdate() != null ? ticket.lastUpdate() : eventAt;
        return tickets.fresh(event.ticketId(), ticket, changedAt, eventAt, TicketAttributes.SOURCE_WEBHOOK, null);
    }
}
