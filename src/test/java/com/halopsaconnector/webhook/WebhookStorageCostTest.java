package com.halopsaconnector.webhook;

import static com.halopsaconnector.webhook.WebhookTestData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.halopsaconnector.domain.CallbackToken;
import com.halopsaconnector.integration.TestConnections;
import com.halopsaconnector.testsupport.DynamoGate;
import com.halopsaconnector.testsupport.HaloStubs.Samples;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TestEnvironment;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** What one delivery costs in DynamoDB calls, and the exact conditions that make it exactly-once. */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class WebhookStorageCostTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String BATCH_GET_ITEM = "DynamoDB_20120810.BatchGetItem";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    DynamoGate gate;
    String tenant;
    String token;

    @BeforeEach
    void connect() {
        gate = DynamoGate.fromConfig();
        tenant = newTenant();
        token = TestConnections.connect(tenant);
        gate.forgetRequests();
    }

    @Test
    void singleEventDelivery_costsOneConsistentGetItemAndOneTransaction() throws Exception {
        WebhookApi.deliver(token, Samples.read("webhook-full-object.json")).statusCode(200);

        List<LoggedRequest> reads = gate.requests(DynamoGate.GET_ITEM);
        assertThat(reads).hasSize(1);
        JsonNode read = JSON.readTree(reads.get(0).getBodyAsString());
        assertThat(read.at("/Key/pk/S").asText()).isEqualTo("TOKEN#" + CallbackToken.sha256Hex(token));
        assertThat(read.at("/ConsistentRead").asBoolean()).isTrue();
        assertThat(gate.requests(DynamoGate.TRANSACT_WRITE_ITEMS)).hasSize(1);
        assertThat(gate.allRequests()).hasSize(2);
    }

    @Test
    void eventTransaction_holdsTheEventTicketAndConnectionWrites_withTheirConditions() throws Exception {
        WebhookApi.deliver(token, Samples.read("webhook-full-object.json")).statusCode(200);

        JsonNode items = JSON.readTree(gate.requests(DynamoGate.TRANSACT_WRITE_ITEMS).get(0).getBodyAsString())
                .get("TransactItems");
        assertThat(items).hasSize(3);
        assertThat(items.at("/0/Put/Item/sk/S").asText()).isEqualTo("EVENT#5f0c7a3e-2b9d-4c41-9a57-0d6f3b1e8c22");
        assertThat(items.at("/0/Put/ConditionExpression").asText()).isEqualTo("attribute_not_exists(#pk)");
        assertThat(items.at("/1/Update/Key/sk/S").asText()).isEqualTo("TICKET#4242");
        assertThat(items.at("/1/Update/ConditionExpression").asText()).isEqualTo(
                "(attribute_not_exists(#epoch) OR #epoch < :cond_epoch) OR (#epoch = :cond_epoch AND"
                        + " (attribute_not_exists(#lastChangedAt) OR #lastChangedAt <= :cond_ts)"
                        + " AND (attribute_not_exists(#staleSince) OR #staleSince <= :cond_ts))");
        assertThat(items.at("/1/Update/UpdateExpression").asText()).contains("REMOVE #deleted, #stale, #staleSince, #stalePk");
        assertThat(items.at("/2/Update/Key/sk/S").asText()).isEqualTo("CONFIG");
        assertThat(items.at("/2/Update/ConditionExpression").asText()).isEqualTo("attribute_exists(#pk)");
        assertThat(items.at("/2/Update/UpdateExpression").asText()).contains("ADD #webhooksReceived :webhooksReceived");
    }

    @Test
    void eventWhoseTicketHoldsNewerData_costsASecondTransactionWithoutTheTicket() throws Exception {
        WebhookApi.deliver(token, fullEvent(newEventId(), 42, "2026-11-28T05:03:00Z", "newer")).statusCode(200);
        gate.forgetRequests();

        WebhookApi.deliver(token, fullEvent(newEventId(), 42, "2026-11-28T05:01:00Z", "older")).statusCode(200);

        List<LoggedRequest> transactions = gate.requests(DynamoGate.TRANSACT_WRITE_ITEMS);
        assertThat(transactions).hasSize(2);
        assertThat(JSON.readTree(transactions.get(1).getBodyAsString()).get("TransactItems")).hasSize(2);
        assertThat(gate.requests(DynamoGate.GET_ITEM)).hasSize(1);
    }

    @Test
    void newBatch_costsOneConsistentBatchGetItem_andOneTransactionPerEvent() throws Exception {
        List<String> ids = List.of(newEventId(), newEventId(), newEventId());
        WebhookApi.deliver(token, batch(ids.stream().map(id -> eventOnly(id, 4400 + ids.indexOf(id), "2026-11-28T05:00:00Z")).toList()))
                .statusCode(200).body("received", equalTo(3)).body("duplicates", equalTo(0));

        List<LoggedRequest> lookups = gate.requests(BATCH_GET_ITEM);
        assertThat(lookups).hasSize(1);
        JsonNode lookup = JSON.readTree(lookups.get(0).getBodyAsString()).get("RequestItems").elements().next();
        assertThat(lookup.get("ConsistentRead").asBoolean()).isTrue();
        assertThat(lookup.get("Keys")).extracting(key -> key.at("/sk/S").asText())
                .containsExactlyInAnyOrderElementsOf(ids.stream().map(id -> "EVENT#" + id).toList());
        assertThat(gate.requests(DynamoGate.GET_ITEM)).hasSize(1);
        assertThat(gate.requests(DynamoGate.TRANSACT_WRITE_ITEMS)).hasSize(3);
        assertThat(gate.allRequests()).hasSize(5);
    }

    @Test
    void replayedBatch_costsItsLookupsOnly_100EventsALookup_andNoTransaction() {
        List<String> ids = new ArrayList<>();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            ids.add(newEventId());
            events.add(eventOnly(ids.get(i), 4400 + i, "2026-11-28T05:00:00Z"));
        }
        storedBefore(ids);
        gate.forgetRequests();

        WebhookApi.deliver(token, batch(events)).statusCode(200).body("received", equalTo(150)).body("duplicates", equalTo(150));

        assertThat(gate.requests(BATCH_GET_ITEM)).hasSize(2);
        assertThat(gate.requests(DynamoGate.GET_ITEM)).hasSize(1);
        assertThat(gate.requests(DynamoGate.TRANSACT_WRITE_ITEMS)).isEmpty();
        assertThat(gate.allRequests()).hasSize(3);
    }

    @Test
    void batchNamingOneEventTwice_looksItUpOnce_andStoresItOnce() throws Exception {
        String id = newEventId();
        String event = eventOnly(id, 4600, "2026-11-28T05:00:00Z");
        WebhookApi.deliver(token, batch(List.of(event, event)))
                .statusCode(200).body("received", equalTo(2)).body("duplicates", equalTo(1));

        JsonNode lookup = JSON.readTree(gate.requests(BATCH_GET_ITEM).get(0).getBodyAsString())
                .get("RequestItems").elements().next();
        assertThat(lookup.get("Keys")).hasSize(1);
        assertThat(gate.requests(DynamoGate.TRANSACT_WRITE_ITEMS)).hasSize(2);
    }

    /** Event items as an earlier delivery left them (only their keys matter here), written without 150 transactions. */
    private void storedBefore(List<String> eventIds) {
        for (int from = 0; from < eventIds.size(); from += 25) {
            List<WriteRequest> puts = eventIds.subList(from, Math.min(from + 25, eventIds.size())).stream()
                    .map(id -> WriteRequest.builder().putRequest(p -> p.item(Map.of(
                            "pk", AttributeValue.fromS("TENANT#" + tenant), "sk", AttributeValue.fromS("EVENT#" + id))))
                            .build())
                    .toList();
            dynamo.batchWriteItem(r -> r.requestItems(Map.of(table.name(), puts)));
        }
    }
}
