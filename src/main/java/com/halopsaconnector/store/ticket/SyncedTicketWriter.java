package com.halopsaconnector.store.ticket;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.halopsaconnector.domain.TicketSnapshot;
import com.halopsaconnector.store.StoreUnavailableException;
import com.halopsaconnector.store.TableName;
import com.halopsaconnector.store.UpdateExpressionBuilder;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Writes the tickets the sync read from Halo, one conditional UpdateItem each, through the same
 * never-older rule as the webhook ({@link TicketItemWrites}): a ticket a webhook updated after the
 * sync read it keeps the newer data.
 */
@ApplicationScoped
public class SyncedTicketWriter {

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableName table;

    /**
     * @param fetchedAt stands in for Halo's {@code last_update} when the ticket has none
     * @return whether the data was stored; false when the item holds newer data
     */
    public boolean store(String tenant, String ticketId, TicketSnapshot ticket, Instant fetchedAt) {
        TicketItemWrites writes = writes(tenant);
        return apply(writes, ticketId, writes.fresh(ticketId, ticket, changedAt(ticket, fetchedAt), null,
                TicketAttributes.SOURCE_SYNC));
    }

    /** Data fetched by id for a stale item; when the item meanwhile holds newer data, only the mark goes. */
    public boolean settleStale(String tenant, StaleTicket stale, TicketSnapshot ticket, Instant fetchedAt) {
        TicketItemWrites writes = writes(tenant);
        if (apply(writes, stale.ticketId(), writes.refetched(stale.ticketId(), ticket, changedAt(ticket, fetchedAt),
                stale.staleSince()))) {
            return true;
        }
        apply(writes, stale.ticketId(), writes.markSettled(stale.ticketId(), stale.staleSince()));
        return false;
    }

    /** Halo no longer has the ticket. */
    public void markDeleted(String tenant, StaleTicket stale, Instant now) {
        TicketItemWrites writes = writes(tenant);
        apply(writes, stale.ticketId(), writes.deleted(stale.ticketId(), stale.staleSince(), now));
    }

    private TicketItemWrites writes(String tenant) {
        return new TicketItemWrites(table.value(), tenant);
    }

    private boolean apply(TicketItemWrites writes, String ticketId, UpdateExpressionBuilder update) {
        try {
            dynamo.updateItem(update.toUpdateItem(writes.table(), writes.key(ticketId)));
            return true;
        } catch (ConditionalCheckFailedException newerKnown) {
            return false;
        } catch (SdkException e) {
            throw new StoreUnavailableException("DynamoDB", e);
        }
    }

    private static Instant changedAt(TicketSnapshot ticket, Instant fetchedAt) {
        return ticket.lastUpdate() != null ? ticket.lastUpdate() : fetchedAt;
    }
}
