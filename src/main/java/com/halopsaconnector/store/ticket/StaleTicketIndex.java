package com.halopsaconnector.store.ticket;

import static com.halopsaconnector.store.ticket.TicketAttributes.STALE_INDEX;
import static com.halopsaconnector.store.ticket.TicketAttributes.STALE_PK;
import static com.halopsaconnector.store.ticket.TicketAttributes.STALE_SINCE;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.halopsaconnector.store.AttributeValues;
import com.halopsaconnector.store.AwsCalls;
import com.halopsaconnector.store.TableKeys;
import com.halopsaconnector.store.TableName;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Finds a tenant's stale ticket items through the sparse {@code stale-tickets} index: only items
 * carrying {@code stalePk} are in it, so the read costs as much as there are stale tickets, not
 * as much as the tenant has tickets.
 */
@ApplicationScoped
public class StaleTicketIndex {

    private static final String TICKET_SK_PREFIX = TableKeys.ticketSk("");

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableName table;

    /** Up to {@code limit} stale tickets, the longest-stale first. */
    public List<StaleTicket> oldest(String tenant, int limit) {
        return AwsCalls.guarded("DynamoDB", () -> dynamo.query(r -> r.tableName(table.value()).indexName(STALE_INDEX)
                        .keyConditionExpression("#stalePk = :pk")
                        .expressionAttributeNames(Map.of("#stalePk", STALE_PK))
                        .expressionAttributeValues(Map.of(":pk", AttributeValues.s(TableKeys.tenantPk(tenant))))
                        .limit(limit)))
                .items().stream()
                .map(item -> new StaleTicket(AttributeValues.string(item, TableKeys.SK).substring(TICKET_SK_PREFIX.length()),
                        AttributeValues.string(item, STALE_SINCE)))
                .toList();
    }
}
