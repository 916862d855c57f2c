package com.halopsaconnector.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Consistent BatchGetItem reads of many keys of one table: 100 keys per call (BatchGetItem's limit),
 * keys DynamoDB left unprocessed asked again after a jittered pause, at most {@link #MAX_ATTEMPTS}
 * times. Items still unprocessed then are simply not in the answer; callers treat a missing item as
 * "not known to exist".
 */
public final class BatchReads {

    public static final int MAX_KEYS_PER_CALL = 100;
    public static final int MAX_ATTEMPTS = 3;

    private BatchReads() {
    }

    /** The items among {@code keys} that exist, with only {@code attributes} (key attributes always included). */
    public static List<Map<String, AttributeValue>> read(DynamoDbClient dynamo, String table,
                                                         List<Map<String, AttributeValue>> keys, List<String> attributes) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += MAX_KEYS_PER_CALL) {
            found.addAll(readChunk(dynamo, table, keys.subList(from, Math.min(from + MAX_KEYS_PER_CALL, keys.size())),
                    attributes));
        }
        return found;
    }

    private static List<Map<String, AttributeValue>> readChunk(DynamoDbClient dynamo, String table,
                                                               List<Map<String, AttributeValue>> keys, List<String> attributes) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        List<Map<String, AttributeValue>> pending = keys;
        for (int attempt = 1; !pending.isEmpty() && attempt <= MAX_ATTEMPTS; attempt++) {
            if (attempt > 1 && !JitteredBackoff.pause(attempt - 1)) {
                break;
            }
            BatchGetItemResponse response = get(dynamo, table, pending, attributes);
            found.addAll(response.responses().getOrDefault(table, List.of()));
            KeysAndAttributes unprocessed = response.unprocessedKeys().get(table);
            pending = unprocessed == null ? List.of() : unprocessed.keys();
        }
        return found;
    }

    private static BatchGetItemResponse get(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> keys,
                                            List<String> attributes) {
        List<String> projected = new ArrayList<>(List.of(TableKeys.PK, TableKeys.SK));
        attributes.stream().filter(name -> !projected.contains(name)).forEach(projected::add);
        Map<String, String> names = new HashMap<>();
        List<String> placeholders = new ArrayList<>();
        for (int i = 0; i < projected.size(); i++) {
            names.put("#a" + i, projected.get(i));
            placeholders.add("#a" + i);
        }
        KeysAndAttributes request = KeysAndAttributes.builder()
                .keys(keys)
                .consistentRead(true)
                .projectionExpression(String.join(", ", placeholders))
                .expressionAttributeNames(names)
                .build();
        return AwsCalls.guarded("DynamoDB", () -> dynamo.batchGetItem(r -> r.requestItems(Map.of(table, request))));
    }
}
