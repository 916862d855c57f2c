package com.halopsaconnector.store.webhook;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.halopsaconnector.store.AwsCalls;
import com.halopsaconnector.store.JitteredBackoff;
import com.halopsaconnector.store.TableKeys;
import com.halopsaconnector.store.TableName;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Finds which events of a batch a tenant has stored already, so that a replayed batch costs a few
 * reads instead of one cancelled transaction per event. The reads are consistent, so an event found
 * here is stored for certain. One not found may still turn out a duplicate (stored meanwhile, or
 * left unprocessed by DynamoDB after every attempt): its own transaction's condition tells.
 */
@ApplicationScoped
public class StoredEventLookup {

    /** BatchGetItem's limit. */
    static final int MAX_KEYS_PER_CALL = 100;
    static final int MAX_ATTEMPTS = 3;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableName table;

    /** @return the keys among {@code eventKeys} whose event item exists; one BatchGetItem per 100 distinct keys */
    public Set<String> alreadyStored(String tenant, Collection<String> eventKeys) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(eventKeys));
        Set<String> stored = new HashSet<>();
        for (int from = 0; from < distinct.size(); from += MAX_KEYS_PER_CALL) {
            stored.addAll(storedAmong(tenant, distinct.subList(from, Math.min(from + MAX_KEYS_PER_CALL, distinct.size()))));
        }
        return stored;
    }

    private Set<String> storedAmong(String tenant, List<String> eventKeys) {
        Map<String, String> eventKeyBySortKey = new HashMap<>();
        eventKeys.forEach(key -> eventKeyBySortKey.put(TableKeys.eventSk(key), key));
        List<Map<String, AttributeValue>> pending = eventKeys.stream()
                .map(key -> TableKeys.key(TableKeys.tenantPk(tenant), TableKeys.eventSk(key)))
                .toList();
        Set<String> found = new HashSet<>();
        for (int attempt = 1; !pending.isEmpty() && attempt <= MAX_ATTEMPTS; attempt++) {
            if (attempt > 1 && !JitteredBackoff.pause(attempt - 1)) {
                break;
            }
            BatchGetItemResponse response = get(pending);
            response.responses().getOrDefault(table.value(), List.of())
                    .forEach(item -> found.add(eventKeyBySortKey.get(item.get(TableKeys.SK).s())));
            KeysAndAttributes unprocessed = response.unprocessedKeys().get(table.value());
            pending = unprocessed == null ? List.of() : unprocessed.keys();
        }
        return found;
    }

    private BatchGetItemResponse get(List<Map<String, AttributeValue>> keys) {
        KeysAndAttributes request = KeysAndAttributes.builder()
                .keys(keys)
                .consistentRead(true)
                .projectionExpression("#sk")
                .expressionAttributeNames(Map.of("#sk", TableKeys.SK))
                .build();
        return AwsCalls.guarded("DynamoDB", () -> dynamo.batchGetItem(r -> r.requestItems(Map.of(table.value(), request))));
    }
}
