package com.halopsaconnector.sync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.halopsaconnector.integration.TestConnections;
import com.halopsaconnector.testsupport.FakeHalo;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The sync and the webhook writing the same ticket items: one never-older rule, and stale marks settled by id. */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class SyncAndWebhookTest {

    @Inject
    Table table;

    FakeHalo halo;
    String tenant;
    String callbackToken;

    @BeforeEach
    void setUp() {
        halo = FakeHalo.start();
        tenant = "tenant-" + UUID.randomUUID();
        callbackToken = TestConnections.tokenOf(SyncApi.save(tenant, halo).statusCode(200)
                .body("sync.complete", equalTo(true)).extract().path("webhookUrl"));
    }

    @AfterEach
    void tearDown() {
        halo.close();
    }

    @Test
    void eventOnlyWebhooksTicket_isFetchedById_andLosesItsStaleMark() {
        deliver("""
                {"id":"%s","event":"Tickets Changed","object_id":4243,"timestamp":"2026-11-29T09:00:00Z"}"""
                .formatted(UUID.randomUUID()));
        assertThat(SyncApi.ticket(table, tenant, 4243).get("stale").bool()).isTrue();
        halo.ticketById(4243, FakeHalo.ticket(4243, "2026-11-29T08:59:58", "Printer on fire"));

        SyncApi.sync(tenant).statusCode(200).body("complete", equalTo(true)).body("ticketsSynced", equalTo(1));

        Map<String, AttributeValue> ticket = SyncApi.ticket(table, tenant, 4243);
        assertThat(ticket.get("summary").s()).isEqualTo("Printer on fire");
        assertThat(ticket).doesNotContainKeys("stale", "staleSince", "stalePk");
        assertThat(ticket.get("source").s()).isEqualTo("sync");
    }

    @Test
    void staleTicketHaloNoLongerHas_isMarkedDeleted_andNotFetchedAgain() {
        deliver("""
                {"id":"%s","event":"Tickets Changed","object_id":77,"timestamp":"2026-11-29T09:00:00Z"}"""
                .formatted(UUID.randomUUID()));
        halo.ticketGone(77);

        SyncApi.sync(tenant).statusCode(200).body("complete", equalTo(true));
        halo.forgetRequests();
        SyncApi.sync(tenant).statusCode(200);

        Map<String, AttributeValue> ticket = SyncApi.ticket(table, tenant, 77);
        assertThat(ticket.get("deleted").bool()).isTrue();
        assertThat(ticket).doesNotContainKeys("stale", "stalePk");
        assertThat(halo.server().getAllServeEvents()).noneMatch(e -> e.getRequest().getUrl().contains("/Tickets/77"));
    }

    @Test
    void newerWebhookCopy_survivesASyncThatReadAnOlderOne() {
        deliver("""
                {"id":"%s","event":"Tickets Changed","object_id":9,"timestamp":"2026-11-28T09:00:05Z",\
                "ticket":{"id":9,"summary":"Newer, from the webhook","status_id":3,"last_update":"2026-11-28T09:00:00Z"}}"""
                .formatted(UUID.randomUUID()));
        halo.changedTickets(List.of(FakeHalo.ticket(9, "2026-11-28T08:30:00", "Older, read by the sync")));

        SyncApi.sync(tenant).statusCode(200).body("complete", equalTo(true)).body("ticketsSynced", equalTo(0));

        Map<String, AttributeValue> ticket = SyncApi.ticket(table, tenant, 9);
        assertThat(ticket.get("summary").s()).isEqualTo("Newer, from the webhook");
        assertThat(ticket.get("source").s()).isEqualTo("webhook");
    }

    private void deliver(String event) {
        given().contentType("application/json").body(event).when().post("/v1/webhooks/halo/" + callbackToken)
                .then().statusCode(200);
    }
}
