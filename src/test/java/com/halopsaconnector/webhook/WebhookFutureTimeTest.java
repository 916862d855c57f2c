package com.halopsaconnector.webhook;

import static com.halopsaconnector.webhook.WebhookTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.halopsaconnector.domain.HaloTime;
import com.halopsaconnector.integration.TestConnections;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A delivery dated in the future must not freeze a ticket: times beyond the receive time plus the
 * allowed clock skew (5 minutes by default) count as the receive time.
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class WebhookFutureTimeTest {

    static final String FAR_FUTURE = "9999-12-31T23:59:59Z";

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
    void farFutureTicketData_isDatedWhenReceived_andTheNextGenuineUpdateWins() {
        String hostile = newEventId();
        WebhookApi.deliver(token, fullEvent(hostile, 4501, FAR_FUTURE, "from the future")).statusCode(200);

        Map<String, AttributeValue> event = eventItem(table, tenant, hostile);
        String receivedAt = event.get("receivedAt").s();
        assertThat(event.get("futureTimeClamped").bool()).isTrue();
        assertThat(event.get("eventTimestamp").s()).isEqualTo(receivedAt);
        assertThat(event.get("raw").s()).contains("\"last_update\":\"" + FAR_FUTURE + "\"");
        Map<String, AttributeValue> frozen = ticketItem(table, tenant, "4501");
        assertThat(frozen.get("lastChangedAt").s()).isEqualTo(receivedAt);
        assertThat(frozen.get("last_update").s()).isEqualTo(receivedAt);

        String genuineTime = HaloTime.sortable(Instant.now().plus(Duration.ofMinutes(1)));
        String genuine = newEventId();
        WebhookApi.deliver(token, fullEvent(genuine, 4501, genuineTime, "genuine")).statusCode(200);

        Map<String, AttributeValue> ticket = ticketItem(table, tenant, "4501");
        assertThat(ticket.get("summary").s()).isEqualTo("genuine");
        assertThat(ticket.get("lastChangedAt").s()).isEqualTo(genuineTime);
        assertThat(ticket.get("last_update").s()).isEqualTo(genuineTime);
        assertThat(eventItem(table, tenant, genuine)).doesNotContainKey("futureTimeClamped");
    }

    @Test
    void farFutureEventTimestamp_marksTheTicketStaleAsOfReceipt_soGenuineDataClearsTheMark() {
        String hostile = newEventId();
        WebhookApi.deliver(token, eventOnly(hostile, 4502, FAR_FUTURE)).statusCode(200);

        Map<String, AttributeValue> event = eventItem(table, tenant, hostile);
        assertThat(event.get("futureTimeClamped").bool()).isTrue();
        assertThat(ticketItem(table, tenant, "4502").get("staleSince").s()).isEqualTo(event.get("receivedAt").s());

        String genuineTime = HaloTime.sortable(Instant.now().plus(Duration.ofMinutes(1)));
        WebhookApi.deliver(token, fullEvent(newEventId(), 4502, genuineTime, "genuine")).statusCode(200);

        Map<String, AttributeValue> ticket = ticketItem(table, tenant, "4502");
        assertThat(ticket.get("summary").s()).isEqualTo("genuine");
        assertThat(ticket).doesNotContainKeys("stale", "staleSince");
    }

    @Test
    void timesWithinTheAllowedSkew_areKeptAsHaloSentThem() {
        String soon = HaloTime.sortable(Instant.now().plus(Duration.ofMinutes(3)));
        String id = newEventId();
        WebhookApi.deliver(token, fullEvent(id, 4503, soon, "slightly early clock")).statusCode(200);

        Map<String, AttributeValue> event = eventItem(table, tenant, id);
        assertThat(event).doesNotContainKey("futureTimeClamped");
        assertThat(event.get("eventTimestamp").s()).isEqualTo(soon);
        assertThat(ticketItem(table, tenant, "4503").get("lastChangedAt").s()).isEqualTo(soon);
    }
}
