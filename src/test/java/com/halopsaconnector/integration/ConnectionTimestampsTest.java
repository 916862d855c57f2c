package com.halopsaconnector.integration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.halopsaconnector.domain.CallbackToken;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The connection's timestamps are stored in the one fixed-width UTC form events and tickets use
 * (so they sort as strings, e.g. for the platform's data pipeline); items written before, in
 * Java's variable-width form, are still read.
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class ConnectionTimestampsTest {

    static final String FIXED_WIDTH = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    @Inject
    Table table;

    @Inject
    DynamoDbClient dynamo;

    String tenant;
    String token;

    @BeforeEach
    void connect() {
        tenant = "tenant-" + UUID.randomUUID();
        token = TestConnections.connect(tenant);
    }

    @Test
    void connectionAndTokenItemTimestamps_areFixedWidthUtc() {
        given().contentType("application/json")
                .body("{\"id\":\"" + UUID.randomUUID() + "\",\"event\":\"ticket updated\",\"object_id\":5001}")
                .when().post("/v1/webhooks/halo/" + token).then().statusCode(200);

        Map<String, AttributeValue> connection = table.item("TENANT#" + tenant, "CONFIG").orElseThrow();
        assertThat(connection.get("connectedAt").s()).matches(FIXED_WIDTH);
        assertThat(connection.get("updatedAt").s()).matches(FIXED_WIDTH);
        assertThat(connection.get("lastWebhookAt").s()).matches(FIXED_WIDTH);
        assertThat(connection.get("haloTokenExpiresAt").s()).matches(FIXED_WIDTH);
        Map<String, AttributeValue> tokenItem = table.item("TOKEN#" + CallbackToken.sha256Hex(token), "TOKEN").orElseThrow();
        assertThat(tokenItem.get("updatedAt").s()).matches(FIXED_WIDTH);
    }

    @Test
    void timestampsWrittenInTheOldVariableWidthForm_areStillRead() {
        dynamo.updateItem(r -> r.tableName(table.name())
                .key(Map.of("pk", AttributeValue.fromS("TENANT#" + tenant), "sk", AttributeValue.fromS("CONFIG")))
                .updateExpression("SET connectedAt = :c, updatedAt = :u, lastWebhookAt = :w")
                .expressionAttributeValues(Map.of(
                        ":c", AttributeValue.fromS("2025-01-02T03:04:05Z"),
                        ":u", AttributeValue.fromS("2025-01-02T03:04:05.5Z"),
                        ":w", AttributeValue.fromS("2025-01-02T03:04:05.123456789Z"))));

        HaloIntegrationApi.show(HaloIntegrationApi.adminOf(tenant)).statusCode(200)
                .body("connectedAt", equalTo("2025-01-02T03:04:05Z"))
                .body("updatedAt", equalTo("2025-01-02T03:04:05.500Z"))
                .body("lastWebhookAt", equalTo("2025-01-02T03:04:05.123456789Z"));
    }
}
