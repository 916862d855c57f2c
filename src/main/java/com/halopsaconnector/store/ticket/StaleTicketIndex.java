package com.halopsaconnector.store.ticket;

import static com.halopsaconnector.store.ticket.TicketAttributes.STALE_DUE_AT;
import static com.halopsaconnector.store.ticket.TicketAttributes.STALE_FAILURES;
import static com.halopsaconnector.store.ticket.TicketAttributes.STALE_INDEX;
import static com.halopsaconnector.store.ticket.TicketAttributes.STALE_PK;
import static com.halopsaconnector.store.ticket.TicketAttributes.STALE_SINCE;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.halopsaconnector.domain.HaloTime;
import com.halopsaconnector.store.AttributeValues;
import com.halopsaconnector.store.AwsCalls;
import com.halopsaconnector.store.TableKeys;
import com.halopsaconnector.store.TableName;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Finds a tenant's stale ticket items that are due for a fetch, through the sparse
 * {@code stale-tickets} index (partition {@code stalePk}, sorted by {@code staleDueAt}): only items
 * carrying {@code stalePk} are in it, so the read costs as much as there are stale tickets, not as
 * much as the tenant has tickets; a ticket whose fetch failed waits there until its retry time.
 */
@ApplicationScoped
public class StaleTicketIndex {

    private static final String TICKET_SK_PREFIX = TableKeys.ticketSk("");

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableName table;

    /** Up to {@code limit} stale tickets due at {@code now}, the longest-waiting first. */
    public List<StaleTicket> due(String tenant, Instant now, int limit) {
        return AwsCalls.guarded("DynamoDB", () -> dynamo.query(r -> r.tableName(table.value()).indexName(STALE_INDEX)
                        .keyConditionExpression("#stalePk = :pk AND #dueAt <= :now")
                        .expressionAttributeNames(Map.of("#stalePk", STALE_PK, "#dueAt", STALE_DUE_AT))
                        .expressionAttributeValues(Map.of(":pk", AttributeValues.s(TableKeys.tenantPk(tenant)),
                                ":now", AttributeValues.s(HaloTime.sortable(now))))
                        .limit(limit)))
                .items().stream()
                .map(item -> new StaleTicket(AttributeValues.string(item, TableKeys.SK).substring(TICKET_SK_PREFIX.length()),
                        AttributeValues.string(item, STALE_SINCE),
                        item.containsKey(STALE_FAILURES) ? (int) AttributeValues.number(item, STALE_FAILURES) : 0))
                .toList();
    }
}
