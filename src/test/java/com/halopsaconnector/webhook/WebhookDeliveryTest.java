package com.halopsaconnector.webhook;

import static com.halopsaconnector.webhook.WebhookTestData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.halopsaconnector.domain.Sha256;
import com.halopsaconnector.integration.TestConnections;
import com.halopsaconnector.testsupport.HaloStubs.Samples;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class WebhookDeliveryTest {

    static final String RECEIVED_AT_FORMAT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    @Inject
    Table table;

    String tenant;
    String token;

    @BeforeEach
    void connect() {
        tenant = newTenant();
        token = TestConnections.connect(tenant);
    }

    @Test
    void fullObjectDelivery_storesTheEventAndTheTicketData() {
        WebhookApi.deliver(token, Samples.read("webhook-full-object.json"))
                .statusCode(200).body("received", equalTo(1)).body("duplicates", equalTo(0));

        Map<String, AttributeValue> event = eventItem(table, tenant, "5f0c7a3e-2b9d-4c41-9a57-0d6f3b1e8c22");
        assertThat(event.get("event").s()).isEqualTo("ticket status changed");
        assertThat(event.get("ticketId").s()).isEqualTo("4242");
        assertThat(event.get("webhookId").s()).isEqualTo("b1a6e2f0-7c3d-4e8a-9f10-2d4c6b8a0e13");
        assertThat(event.get("eventTimestamp").s()).isEqualTo("2026-11-28T05:00:00.000Z");
        assertThat(event.get("receivedAt").s()).matches(RECEIVED_AT_FORMAT);
        assertThat(event.get("raw").s()).contains("\"escmsg_id\":\"c9e1d2f3-a4b5-4c6d-8e7f-901a2b3c4d5e\"")
                .contains("\"customfields\":[]");
        long expectedExpiry = Instant.now().plus(Duration.ofDays(30)).getEpochSecond();
        assertThat(Long.parseLong(event.get("expiresAt").n())).isCloseTo(expectedExpiry, within(120L));

        Map<String, AttributeValue> ticket = ticketItem(table, tenant, "4242");
        assertThat(ticket.get("summary").s()).isEqualTo("Printer on the 2nd floor is jammed");
        assertThat(ticket.get("status_id").n()).isEqualTo("9");
        assertThat(ticket.get("agent_id").n()).isEqualTo("3");
        assertThat(ticket.get("client_name").s()).isEqualTo("Contoso");
        assertThat(ticket.get("team").s()).isEqualTo("Service Desk");
        assertThat(ticket.get("last_update").s()).isEqualTo("2026-11-28T05:00:00.000Z");
        assertThat(ticket.get("lastChangedAt").s()).isEqualTo("2026-11-28T05:00:00.000Z");
        assertThat(ticket.get("source").s()).isEqualTo("webhook");
        assertThat(ticket.get("ticketJson").s()).contains("\"hasbeenclosed\":true");
        assertThat(ticket).doesNotContainKeys("stale", "staleSince", "details");

        assertThat(webhooksReceived(table, tenant)).isEqualTo(1);
        assertThat(table.item("TENANT#" + tenant, "CONFIG").orElseThrow().get("lastWebhookAt").s()).isNotBlank();
    }

    @Test
    void eventInformationOnlyDelivery_marksTheTicketStaleSinceItArrived() {
        WebhookApi.deliver(token, Samples.read("webhook-event-only.json"))
                .statusCode(200).body("received", equalTo(1)).body("duplicates", equalTo(0));

        Map<String, AttributeValue> event = eventItem(table, tenant, "0e9d8c7b-6a5f-4e3d-2c1b-a09876543210");
        assertThat(event.get("event").s()).isEqualTo("Tickets Changed");
        assertThat(event.get("ticketId").s()).isEqualTo("4243");
        assertThat(event).doesNotContainKey("eventTimestamp");

        Map<String, AttributeValue> ticket = ticketItem(table, tenant, "4243");
        assertThat(ticket.get("stale").bool()).isTrue();
        assertThat(ticket.get("staleSince").s()).isEqualTo(event.get("receivedAt").s());
        assertThat(ticket.get("lastEventAt").s()).isEqualTo(event.get("receivedAt").s());
        assertThat(ticket.get("source").s()).isEqualTo("webhook");
        assertThat(ticket).doesNotContainKeys("lastChangedAt", "summary");
    }

    @Test
    void batchedDelivery_storesEachEvent_withNumberAndStringTicketIdsNormalised() {
        WebhookApi.deliver(token, Samples.read("webhook-batch.json"))
                .statusCode(200).body("received", equalTo(2)).body("duplicates", equalTo(0));

        Map<String, AttributeValue> keyFields = eventItem(table, tenant, "11111111-1111-4111-8111-111111111111");
        assertThat(keyFields.get("ticketId").s()).isEqualTo("5001");
        assertThat(keyFields.get("event").s()).isEqualTo("new ticket logged");
        assertThat(keyFields.get("eventTimestamp").s()).isEqualTo("2026-11-28T05:01:00.000Z");
        Map<String, AttributeValue> bare = eventItem(table, tenant, "22222222-2222-4222-8222-222222222222");
        assertThat(bare.get("ticketId").s()).isEqualTo("5002");
        assertThat(bare.get("event").s()).isEqualTo("ticket reassigned");

        assertThat(ticketItem(table, tenant, "5001").get("summary").s()).isEqualTo("New laptop for Jo");
        assertThat(ticketItem(table, tenant, "5001")).doesNotContainKey("stale");
        Map<String, AttributeValue> stale = ticketItem(table, tenant, "5002");
        assertThat(stale.get("stale").bool()).isTrue();
        assertThat(stale.get("staleSince").s()).isEqualTo("2026-11-28T05:01:30.000Z");
        assertThat(webhooksReceived(table, tenant)).isEqualTo(2);
    }

    @Test
    void batchOf25Events_isReceivedAs25_andStoredAs25() {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String timestamp = "2026-11-28T06:%02d:00.000Z".formatted(i);
            events.add(i % 2 == 0 ? fullEvent(newEventId(), 7000 + i, timestamp, "ticket " + i)
                    : eventOnly(newEventId(), 7000 + i, timestamp));
        }

        WebhookApi.deliver(token, batch(events)).statusCode(200).body("received", equalTo(25)).body("duplicates", equalTo(0));

        assertThat(eventItems(table, tenant)).hasSize(25);
        assertThat(ticketItems(table, tenant)).hasSize(25);
        assertThat(webhooksReceived(table, tenant)).isEqualTo(25);
    }

    @Test
    void replayedDelivery_isStoredOnce() {
        String delivery = Samples.read("webhook-full-object.json");
        WebhookApi.deliver(token, delivery).statusCode(200).body("received", equalTo(1)).body("duplicates", equalTo(0));
        Map<String, AttributeValue> firstEvent = eventItem(table, tenant, "5f0c7a3e-2b9d-4c41-9a57-0d6f3b1e8c22");

        WebhookApi.deliver(token, delivery).statusCode(200).body("received", equalTo(1)).body("duplicates", equalTo(1));

        assertThat(eventItems(table, tenant)).containsExactly(firstEvent);
        assertThat(webhooksReceived(table, tenant)).isEqualTo(1);
    }

    @Test
    void eventWithoutId_isDeduplicatedByTheHashOfItsJson() {
        String event = "{\"event\":\"ticket updated\",\"object_id\":77,\"timestamp\":\"2026-11-28T05:00:00Z\"}";
        WebhookApi.deliver(token, event).statusCode(200).body("duplicates", equalTo(0));
        WebhookApi.deliver(token, event).statusCode(200).body("duplicates", equalTo(1));

        assertThat(eventItems(table, tenant)).extracting(item -> item.get("sk").s())
                .containsExactly("EVENT#" + Sha256.hex(event));
        assertThat(webhooksReceived(table, tenant)).isEqualTo(1);
    }

    @Test
    void overlongEventId_isStoredUnderItsHash() {
        String id = "x".repeat(300);
        WebhookApi.deliver(token, eventOnly(id, 78, "2026-11-28T05:00:00Z")).statusCode(200);

        assertThat(eventItems(table, tenant)).extracting(item -> item.get("sk").s())
                .containsExactly("EVENT#" + Sha256.hex(id));
    }

    @Test
    void ticketEventsArrivingNewestFirst_leaveTheTicketAtTheNewestData() {
        List<String> events = List.of(
                fullEvent(newEventId(), 42, "2026-11-28T05:03:00.000Z", "third"),
                fullEvent(newEventId(), 42, "2026-11-28T05:02:00", "second"),
                fullEvent(newEventId(), 42, "2026-11-28T05:01:00.5", "first"));
        for (String event : events) {
            WebhookApi.deliver(token, event).statusCode(200).body("duplicates", equalTo(0));
        }

        Map<String, AttributeValue> ticket = ticketItem(table, tenant, "42");
        assertThat(ticket.get("summary").s()).isEqualTo("third");
        assertThat(ticket.get("lastChangedAt").s()).isEqualTo("2026-11-28T05:03:00.000Z");
        assertThat(eventItems(table, tenant)).hasSize(3);
        assertThat(webhooksReceived(table, tenant)).isEqualTo(3);
    }

    @Test
    void ticketDataOlderThanAKnownChange_leavesTheTicketStale_newerDataClearsIt() {
        WebhookApi.deliver(token, eventOnly(newEventId(), 43, "2026-11-28T05:05:00Z")).statusCode(200);
        WebhookApi.deliver(token, fullEvent(newEventId(), 43, "2026-11-28T05:04:00Z", "older")).statusCode(200);

        Map<String, AttributeValue> stillStale = ticketItem(table, tenant, "43");
        assertThat(stillStale.get("stale").bool()).isTrue();
        assertThat(stillStale.get("staleSince").s()).isEqualTo("2026-11-28T05:05:00.000Z");
        assertThat(stillStale).doesNotContainKey("summary");

        WebhookApi.deliver(token, fullEvent(newEventId(), 43, "2026-11-28T05:06:00Z", "newer")).statusCode(200);

        Map<String, AttributeValue> fresh = ticketItem(table, tenant, "43");
        assertThat(fresh.get("summary").s()).isEqualTo("newer");
        assertThat(fresh.get("lastChangedAt").s()).isEqualTo("2026-11-28T05:06:00.000Z");
        assertThat(fresh).doesNotContainKeys("stale", "staleSince");
        assertThat(eventItems(table, tenant)).hasSize(3);
        assertThat(webhooksReceived(table, tenant)).isEqualTo(3);
    }

    @Test
    void lateEventOnlyDelivery_olderThanTheStoredData_doesNotMarkTheTicketStale() {
        WebhookApi.deliver(token, fullEvent(newEventId(), 44, "2026-11-28T05:10:00Z", "current")).statusCode(200);
        WebhookApi.deliver(token, eventOnly(newEventId(), 44, "2026-11-28T05:09:00Z")).statusCode(200)
                .body("received", equalTo(1)).body("duplicates", equalTo(0));

        Map<String, AttributeValue> ticket = ticketItem(table, tenant, "44");
        assertThat(ticket).doesNotContainKeys("stale", "staleSince");
        assertThat(ticket.get("summary").s()).isEqualTo("current");

        WebhookApi.deliver(token, eventOnly(newEventId(), 44, "2026-11-28T05:12:00Z")).statusCode(200);
        WebhookApi.deliver(token, eventOnly(newEventId(), 44, "2026-11-28T05:11:00Z")).statusCode(200);
        Map<String, AttributeValue> stale = ticketItem(table, tenant, "44");
        assertThat(stale.get("stale").bool()).isTrue();
        assertThat(stale.get("staleSince").s()).isEqualTo("2026-11-28T05:12:00.000Z");
        assertThat(eventItems(table, tenant)).hasSize(4);
        assertThat(webhooksReceived(table, tenant)).isEqualTo(4);
    }

    @Test
    void extremeNumbersInTicketFields_areStoredAsTheirText() {
        String digits400 = "9".repeat(400);
        String eventId = newEventId();
        WebhookApi.deliver(token, """
                {"id":"%s","object_id":4301,"timestamp":"2026-11-28T05:00:00Z","ticket":{"id":4301,"summary":"odd numbers",\
                "status_id":1e400,"agent_id":-1e400,"priority_id":1e-400,"client_id":%s}}""".formatted(eventId, digits400))
                .statusCode(200).body("received", equalTo(1));

        Map<String, AttributeValue> ticket = ticketItem(table, tenant, "4301");
        assertThat(ticket.get("status_id").s()).isEqualTo("1E+400");
        assertThat(ticket.get("agent_id").s()).isEqualTo("-1E+400");
        assertThat(ticket.get("priority_id").s()).isEqualTo("1E-400");
        assertThat(ticket.get("client_id").s()).isEqualTo(digits400);
        assertThat(eventItem(table, tenant, eventId).get("raw").s()).contains("\"status_id\":1E+400", "\"priority_id\":1E-400");
    }

    @Test
    void extremeNumbersAsTicketIds_storeTheEventWithoutATicket() {
        String digits400 = "4".repeat(400);
        String bigId = newEventId();
        String infiniteId = newEventId();
        WebhookApi.deliver(token, batch(List.of(
                        "{\"id\":\"%s\",\"object_id\":%s,\"ticket\":{\"id\":%s,\"summary\":\"s\"}}"
                                .formatted(bigId, digits400, digits400),
                        "{\"id\":\"%s\",\"object_id\":1e400,\"ticket\":{\"id\":-1e400,\"summary\":\"s\"}}"
                                .formatted(infiniteId))))
                .statusCode(200).body("received", equalTo(2));

        assertThat(eventItem(table, tenant, bigId)).doesNotContainKey("ticketId");
        assertThat(eventItem(table, tenant, infiniteId)).doesNotContainKey("ticketId");
        assertThat(ticketItems(table, tenant)).isEmpty();
    }
}
