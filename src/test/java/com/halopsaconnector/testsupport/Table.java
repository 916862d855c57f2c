package com.halopsaconnector.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.paginators.ScanIterable;

/** Reads the test table directly, to assert on what is really stored. */
@ApplicationScoped
public class Table {

    @Inject
    DynamoDbClient dynamo;

    @ConfigProperty(name = "connector.table-name")
    String name;

    public List<Map<String, AttributeValue>> scanAll() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        ScanIterable pages = dynamo.scanPaginator(r -> r.tableName(name).consistentRead(true));
        pages.items().forEach(items::add);
        return items;
    }

    public Optional<Map<String, AttributeValue>> item(String pk, String sk) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(name).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /** Every item of the partition, all pages (a single Query answer stops at 1 MB). */
    public List<Map<String, AttributeValue>> itemsOf(String pk) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo.queryPaginator(r -> r.tableName(name).consistentRead(true).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))).items().forEach(items::add);
        return items;
    }

    /** Deletes every item of the partition, 25 to a BatchWriteItem. */
    public void deleteItemsOf(String pk) {
        List<WriteRequest> deletes = itemsOf(pk).stream()
                .map(item -> WriteRequest.builder().deleteRequest(d -> d.key(Map.of("pk", item.get("pk"), "sk", item.get("sk"))))
                        .build())
                .toList();
        for (int from = 0; from < deletes.size(); from += 25) {
            Map<String, List<WriteRequest>> batch = Map.of(name, deletes.subList(from, Math.min(deletes.size(), from + 25)));
            for (int attempt = 0; attempt < 10 && !batch.isEmpty(); attempt++) {
                Map<String, List<WriteRequest>> pending = batch;
                batch = dynamo.batchWriteItem(r -> r.requestItems(pending)).unprocessedItems();
            }
        }
    }

    public String name() {
        return name;
    }
}
