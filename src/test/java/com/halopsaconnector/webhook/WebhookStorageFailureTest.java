package com.halopsaconnector.webhook;

import static com.halopsaconnector.webhook.WebhookTestData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.halopsaconnector.integration.TestConnections;
import com.halopsaconnector.testsupport.DynamoGate;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class WebhookStorageFailureTest {

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
    }

    @AfterEach
    void recover() {
        gate.recover();
    }

    @Test
    void storageFailingMidBatch_answers503_andTheReplayStoresEveryEventExactlyOnce() {
        List<String> ids = List.of(newEventId(), newEventId(), newEventId());
        String delivery = batch(List.of(
                fullEvent(ids.get(0), 8001, "2026-11-28T05:00:00Z", "one"),
                eventOnly(ids.get(1), 8002, "2026-11-28T05:00:01Z"),
                fullEvent(ids.get(2), 8003, "2026-11-28T05:00:02Z", "three")));
        gate.failTransactionsMentioning(ids.get(1));

        WebhookApi.deliver(token, delivery).statusCode(503).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://halopsa-connector.dev/problems/storage-unavailable"));
        assertThat(eventKeys()).containsExactly(ids.get(0));
        assertThat(webhooksReceived(table, tenant)).isEqualTo(1);

        gate.recover();
        WebhookApi.deliver(token, delivery).statusCode(200).body("received", equalTo(3)).body("duplicates", equalTo(1));
        WebhookApi.deliver(token, delivery).statusCode(200).body("received", equalTo(3)).body("duplicates", equalTo(3));

        assertThat(eventKeys()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(ticketItems(table, tenant)).hasSize(3);
        assertThat(webhooksReceived(table, tenant)).isEqualTo(3);
    }

    @Test
    void storageDown_answers503_andWritesNothing() {
        List<Map<String, AttributeValue>> before = table.scanAll();
        gate.failEverything();

        WebhookApi.deliver(token, eventOnly(newEventId(), 8010, "2026-11-28T05:00:00Z")).statusCode(503)
                .body("type", equalTo("https://halopsa-connector.dev/problems/storage-unavailable"));

        gate.recover();
        assertThat(table.scanAll()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void transactionConflicts_areRetried_andTheEventIsStoredOnce() {
        gate.conflictOnNextTransactions(2, 3);
        gate.forgetRequests();

        WebhookApi.deliver(token, eventOnly(newEventId(), 8020, "2026-11-28T05:00:00Z"))
                .statusCode(200).body("received", equalTo(1)).body("duplicates", equalTo(0));

        assertThat(gate.requests(DynamoGate.TRANSACT_WRITE_ITEMS)).hasSize(3);
        assertThat(eventItems(table, tenant)).hasSize(1);
        assertThat(webhooksReceived(table, tenant)).isEqualTo(1);
    }

    @Test
    void transactionConflictThatPersists_answers503_afterFourAttempts() {
        gate.conflictOnEveryTransaction(3);
        gate.forgetRequests();

        WebhookApi.deliver(token, eventOnly(newEventId(), 8030, "2026-11-28T05:00:00Z")).statusCode(503);

        assertThat(gate.requests(DynamoGate.TRANSACT_WRITE_ITEMS)).hasSize(4);
        gate.recover();
        assertThat(eventItems(table, tenant)).isEmpty();
    }

    private List<String> eventKeys() {
        return eventItems(table, tenant).stream().map(item -> item.get("sk").s().substring("EVENT#".length())).toList();
    }
}
