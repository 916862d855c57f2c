package com.halopsaconnector.lambdaruntime;

import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One tenant's items in the loopback table, for clean-ups between benchmark rounds. */
final class TenantItems implements AutoCloseable {

    private final DynamoDbClient dynamo;
    private final String table;
    private final String partition;

    private TenantItems(DynamoDbClient dynamo, String table, String tenant) {
        this.dynamo = dynamo;
        this.table = table;
        this.partition = "TENANT#" + tenant;
    }

    static TenantItems of(LoopbackDeployment deployment, String tenant) {
        return new TenantItems(deployment.dynamoClient(), deployment.table(), tenant);
    }

    /** Deletes the tenant's EVENT# and TICKET# items; the connection and its counters stay. */
    void removeEventsAndTickets() {
        List<Map<String, AttributeValue>> items = dynamo.queryPaginator(q -> q.tableName(table)
                        .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition)))
                        .projectionExpression("pk, sk"))
                .items().stream()
                .filter(item -> item.get("sk").s().startsWith("EVENT#") || item.get("sk").s().startsWith("TICKET#"))
                .toList();
        for (Map<String, AttributeValue> item : items) {
            dynamo.deleteItem(d -> d.tableName(table).key(item));
        }
    }

    @Override
    public void close() {
        dynamo.close();
    }
}
