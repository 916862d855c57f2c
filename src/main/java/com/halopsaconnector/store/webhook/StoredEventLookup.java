package com.halopsaconnector.store.webhook;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.halopsaconnector.store.BatchReads;
import com.halopsaconnector.store.TableKeys;
import com.halopsaconnector.store.TableName;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Finds which events of a batch a tenant has stored already, so that a replayed batch costs a few
 * reads instead of one cancelled transaction per event. The reads are consistent, so an event found
 * here is stored for certain. One not found may still turn out a duplicate (stored meanwhile, or
 * left unprocessed by DynamoDB after every attempt): its own transaction's condition tells.
 */
@ApplicationScoped
public class StoredEventLookup {

    /** BatchReads' attempts per chunk, for tests that count the calls. */
    static final int MAX_ATTEMPTS = BatchReads.MAX_ATTEMPTS;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableName table;

    /** @return the keys among {@code eventKeys} whose event item exists; one BatchGetItem per 100 distinct keys */
    public Set<String> alreadyStored(String tenant, Collection<String> eventKeys) {
        Map<String, String> eventKeyBySortKey = new LinkedHashMap<>();
        new LinkedHashSet<>(eventKeys).forEach(key -> eventKeyBySortKey.put(TableKeys.eventSk(key), key));
        List<Map<String, AttributeValue>> keys = eventKeyBySortKey.keySet().stream()
                .map(sk -> TableKeys.key(TableKeys.tenantPk(tenant), sk)).toList();
        Set<String> found = new HashSet<>();
        BatchReads.read(dynamo, table.value(), keys, List.of())
                .forEach(item -> found.add(eventKeyBySortKey.get(item.get(TableKeys.SK).s())));
        return found;
    }
}
