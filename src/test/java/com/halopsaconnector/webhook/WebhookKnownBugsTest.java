package com.halopsaconnector.webhook;

import static com.halopsaconnector.webhook.WebhookTestData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.lessThan;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.halopsaconnector.integration.TestConnections;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TableLayout;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The bugs the webhook fuzz run found (docs/reliability.md, "Bugs found"; all fixed), one smallest
 * input each. Whatever the fix (store the event, or refuse it with a 4xx), the answer must not be a 5xx: Halo would retry a 5xx forever
 * and the delivery can never succeed.
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class WebhookKnownBugsTest {

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
    void ticketFieldBeyondDoubleRange_isNotA5xx() {
        String event = """
                {"id":"%s","object_id":4242,"timestamp":"2026-11-28T05:00:00Z",\
                "ticket":{"id":4242,"status_id":1e400,"last_update":"2026-11-28T05:00:00Z"}}""".formatted(newEventId());

        WebhookApi.deliver(token, event).statusCode(lessThan(500));
        assertThat(TableLayout.problems(table.itemsOf("TENANT#" + tenant))).isEmpty();
    }

    @Test
    void unpairedSurrogateInAnEvent_isNotA5xx() {
        String event = """
                {"id":"%s","object_id":4243,"event":"ticket updated \\ud800","timestamp":"2026-11-28T05:00:00Z"}"""
                .formatted(newEventId());

        WebhookApi.deliver(token, event).statusCode(lessThan(500));
        assertThat(TableLayout.problems(table.itemsOf("TENANT#" + tenant))).isEmpty();
    }

    @Test
    void ticketWithA210KbSummary_isNotA5xx() {
        String event = """
                {"id":"%s","object_id":4244,"timestamp":"2026-11-28T05:00:00Z",\
                "ticket":{"id":4244,"summary":"%s","last_update":"2026-11-28T05:00:00Z"}}"""
                .formatted(newEventId(), "x".repeat(210_000));

        WebhookApi.deliver(token, event).statusCode(lessThan(500));
        assertThat(TableLayout.problems(table.itemsOf("TENANT#" + tenant))).isEmpty();
    }

    @Test
    void twoEventsOf150KbOnOneTicket_areNotA5xx() {
        String first = """
                {"id":"%s","object_id":4245,"timestamp":"2026-11-28T05:00:00Z",\
                "ticket":{"id":4245,"summary":"%s","last_update":"2026-11-28T05:00:00Z"}}"""
                .formatted(newEventId(), "x".repeat(150_000));
        String second = """
                {"id":"%s","object_id":4245,"timestamp":"2026-11-28T05:01:00Z",\
                "ticket":{"id":4245,"team":"%s","last_update":"2026-11-28T05:01:00Z"}}"""
                .formatted(newEventId(), "y".repeat(150_000));

        WebhookApi.deliver(token, first).statusCode(200);
        WebhookApi.deliver(token, second).statusCode(lessThan(500));
        assertThat(TableLayout.problems(table.itemsOf("TENANT#" + tenant))).isEmpty();
    }
}
