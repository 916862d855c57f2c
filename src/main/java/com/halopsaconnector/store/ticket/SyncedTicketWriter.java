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
 * rule as the webhook ({@link TicketItemWrites}): a ticket a webhook updated after the sync read it
 * keeps the newer data, and a sync of an older epoch writes over nothing of a newer one.
 */
@ApplicationScoped
public class SyncedTicketWriter {

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableName table;

    /**
     * Stores a ticket a listing pass read, marked with {@code readMark}; when the item holds newer data
     * of this epoch, only the mark is written (the ticket was read, the newer data stays).
     *
     * @param fetchedAt stands in for Halo's {@code last_update} when the ticket has none
     * @return whether data was written: false when the item already held this change or a newer one
     */
    public boolean store(String tenant, long epoch, String ticketId, TicketSnapshot ticket, Instant fetchedAt,
                         String readMark) {
        TicketItemWrites writes = writes(tenant, epoch);
        if (apply(writes, ticketId, writes.fresh(ticketId, ticket, changedAt(ticket, fetchedAt), null,
                TicketAttributes.SOURCE_SYNC, readMark))) {
            return true;
        }
        apply(writes, ticketId, writes.readOnly(readMark));
        return false;
    }

    /** Data fetched by id for a stale item; when the item meanwhile holds newer data, only the mark goes. */
    public boolean settleStale(String tenant, long epoch, StaleTicket stale, TicketSnapshot ticket, Instant fetchedAt) {
        TicketItemWrites writes = writes(tenant, epoch);
        if (apply(writes, stale.ticketId(), writes.refetched(stale.ticketId(), ticket, changedAt(ticket, fetchedAt),
                stale.staleSince()))) {
            return true;
        }
        apply(writes, stale.ticketId(), writes.markSettled(stale.ticketId(), stale.staleSince()));
        return false;
    }

    /** Halo no longer has the ticket. */
    public void markDeleted(String tenant, long epoch, StaleTicket stale, Instant now) {
        TicketItemWrites writes = writes(tenant, epoch);
        apply(writes, stale.ticketId(), writes.deleted(stale.ticketId(), stale.staleSince(), now));
    }

    /** Halo could not give the stale ticket now: it is fetched again at {@code retryAt}. */
    public void markFetchFailed(String tenant, long epoch, StaleTicket stale, Instant retryAt, String error) {
        TicketItemWrites writes = writes(tenant, epoch);
        apply(writes, stale.ticketId(), writes.fetchFailed(stale.ticketId(), stale.staleSince(), retryAt, error));
    }

    private TicketItemWrites writes(String tenant, long epoch) {
        return new TicketItemWrites(table.value(), tenant, epoch);
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
