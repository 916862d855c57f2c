package com.halopsaconnector.webhook;

import static com.halopsaconnector.webhook.WebhookTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.halopsaconnector.domain.CallbackToken;
import com.halopsaconnector.integration.TestConnections;
import com.halopsaconnector.testsupport.DynamoGate;
import com.halopsaconnector.testsupport.HaloStubs.Samples;
import com.halopsaconnector.testsupport.TestEnvironment;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** What one delivery costs in DynamoDB calls, and the exact conditions that make it exactly-once. */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class WebhookStorageCostTest {

    static final ObjectMapper JSON = new ObjectMapper();

    DynamoGate gate;
    String token;

    @BeforeEach
    void connect() {
        gate = DynamoGate.fromConfig();
        token = TestConnections.connect(newTenant());
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
                "(attribute_not_exists(#lastChangedAt) OR #lastChangedAt <= :cond_ts)"
                        + " AND (attribute_not_exists(#staleSince) OR #staleSince <= :cond_ts)");
        assertThat(items.at("/1/Update/UpdateExpression").asText()).contains("REMOVE #stale, #staleSince");
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
}
