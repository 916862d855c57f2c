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

    public List<Map<String, AttributeValue>> itemsOf(String pk) {
        return dynamo.query(r -> r.tableName(name).consistentRead(true).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))).items();
    }

    public void deleteItemsOf(String pk) {
        itemsOf(pk).forEach(item -> dynamo.deleteItem(r -> r.tableName(name)
                .key(Map.of("pk", item.get("pk"), "sk", item.get("sk")))));
    }

    public String name() {
        return name;
    }
}
