package com.halopsaconnector.store.ticket;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.halopsaconnector.store.AttributeValues;
import com.halopsaconnector.store.BatchReads;
import com.halopsaconnector.store.TableKeys;
import com.halopsaconnector.store.TableName;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Tells which tickets of a list the current sync pass has not read: their items lack the pass's
 * read mark (see {@code SyncCursor.readMark()}). One consistent BatchGetItem per 100 ids.
 */
@ApplicationScoped
public class TicketReadMarks {

    private static final String TICKET_SK_PREFIX = TableKeys.ticketSk("");

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableName table;

    /** The ids among {@code ticketIds}, in their order, whose ticket item is missing or carries another mark. */
    public Set<String> notReadBy(String tenant, Collection<String> ticketIds, String readMark) {
        List<Map<String, AttributeValue>> keys = ticketIds.stream()
                .map(id -> TableKeys.key(TableKeys.tenantPk(tenant), TableKeys.ticketSk(id))).toList();
        Set<String> unread = new LinkedHashSet<>(ticketIds);
        for (Map<String, AttributeValue> item : BatchReads.read(dynamo, table.value(), keys, List.of(TicketAttributes.READ_MARK))) {
            if (readMark.equals(AttributeValues.string(item, TicketAttributes.READ_MARK))) {
                unread.remove(AttributeValues.string(item, TableKeys.SK).substring(TICKET_SK_PREFIX.length()));
            }
        }
        return unread;
    }
}
