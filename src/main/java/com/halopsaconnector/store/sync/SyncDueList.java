package com.halopsaconnector.store.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.halopsaconnector.domain.HaloTime;
import com.halopsaconnector.store.AttributeValues;
import com.halopsaconnector.store.AwsCalls;
import com.halopsaconnector.store.TableKeys;
import com.halopsaconnector.store.TableName;
import com.halopsaconnector.store.connection.ConnectionAttributes;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * One small item per connected tenant under {@code SYNC#DUE}, saying when its next sync run is
 * due. The scheduler reads this partition (a Query, never a Scan of the table, which holds every
 * event and ticket) to find the tenants to run.
 */
@ApplicationScoped
public class SyncDueList {

    static final String DUE_AT = "dueAt";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableName table;

    /** Tenants due at {@code now}, the longest-waiting first. */
    public List<String> dueTenants(Instant now) {
        List<Map<String, AttributeValue>> due = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder().tableName(table.value())
                    .keyConditionExpression("#pk = :pk")
                    .filterExpression("#dueAt <= :now")
                    .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#dueAt", DUE_AT))
                    .expressionAttributeValues(Map.of(":pk", AttributeValues.s(TableKeys.SYNC_DUE_PK),
                            ":now", AttributeValues.s(HaloTime.sortable(now))));
            if (startKey != null) {
                request.exclusiveStartKey(startKey);
            }
            QueryResponse page = AwsCalls.guarded("DynamoDB", () -> dynamo.query(request.build()));
            due.addAll(page.items());
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return due.stream()
                .sorted(Comparator.comparing((Map<String, AttributeValue> item) -> AttributeValues.string(item, DUE_AT)))
                .map(item -> AttributeValues.string(item, ConnectionAttributes.TENANT))
                .toList();
    }

    public Put entry(String tenant, Instant dueAt) {
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.syncDueKey(tenant));
        item.put(ConnectionAttributes.TENANT, AttributeValues.s(tenant));
        item.put(DUE_AT, AttributeValues.s(HaloTime.sortable(dueAt)));
        return Put.builder().tableName(table.value()).item(item).build();
    }

    public Delete removal(String tenant) {
        return Delete.builder().tableName(table.value()).key(TableKeys.syncDueKey(tenant)).build();
    }
}
