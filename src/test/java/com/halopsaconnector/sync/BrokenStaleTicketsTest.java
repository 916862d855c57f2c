package com.halopsaconnector.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.halopsaconnector.integration.TestConnections;
import com.halopsaconnector.testsupport.FakeHalo;
import com.halopsaconnector.testsupport.HaloStubs;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TestClock;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Stale tickets that Halo will not give: a 500, a 403, a 200 that is not JSON or not the ticket. Each is named
 * in the sync state and tried again after a wait that doubles; the other tickets, and the runs, go on.
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class BrokenStaleTicketsTest {

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
        TestClock.reset();
        halo.close();
        table.deleteItemsOf(halo.budgetPk());
    }

    @Test
    void staleTicketsAnswered500_403_notJson_orWithoutTheirId_doNotStopTheOthers_andAreTriedAgainLater() {
        for (int id : new int[] {7, 8, 9, 10, 11}) {
            markStale(id);
        }
        halo.server().stubFor(get(urlPathEqualTo(FakeHalo.TICKETS + "/7")).willReturn(aResponse().withStatus(500)));
        halo.server().stubFor(get(urlPathEqualTo(FakeHalo.TICKETS + "/8")).willReturn(aResponse().withStatus(403)));
        halo.ticketById(9, FakeHalo.ticket(9, "2026-11-29T08:59:58", "Fine"));
        halo.server().stubFor(get(urlPathEqualTo(FakeHalo.TICKETS + "/10"))
                .willReturn(HaloStubs.json(200, "{\"summary\":\"no id here\"}")));
        halo.server().stubFor(get(urlPathEqualTo(FakeHalo.TICKETS + "/11"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>Maintenance</html>")));

        SyncApi.sync(tenant).statusCode(200).body("state", equalTo("idle")).body("complete", equalTo(true))
                .body("error", org.hamcrest.Matchers.nullValue());

        assertThat(SyncApi.ticket(table, tenant, 9).get("summary").s()).isEqualTo("Fine");
        SyncApi.show(tenant).statusCode(200)
                .body("sync.failedTickets.ticketId", hasItems("7", "8", "10", "11"))
                .body("sync.failedTickets.ticketId", not(hasItems("9")))
                .body("sync.failedTickets.find { it.ticketId == '7' }.error", containsString("500"))
                .body("sync.failedTickets.find { it.ticketId == '8' }.error", containsString("read:tickets"))
                .body("sync.failedTickets.find { it.ticketId == '10' }.error", containsString("not that ticket"));
        Map<String, AttributeValue> seven = SyncApi.ticket(table, tenant, 7);
        assertThat(seven.get("stale").bool()).isTrue();
        assertThat(seven.get("staleFailures").n()).isEqualTo("1");
        assertThat(Instant.parse(seven.get("staleDueAt").s())).isAfter(Instant.now().plus(Duration.ofMinutes(4)));

        // Not due yet: the next run asks Halo nothing about them.
        SyncApi.sync(tenant).statusCode(200);
        assertThat(fetchesOf(7)).isEqualTo(1);

        // Five minutes on, they are due; ticket 7 fails again and now waits ten minutes.
        TestClock.advance(Duration.ofMinutes(6));
        SyncApi.sync(tenant).statusCode(200).body("state", equalTo("idle"));
        assertThat(fetchesOf(7)).isEqualTo(2);
        assertThat(SyncApi.ticket(table, tenant, 7).get("staleFailures").n()).isEqualTo("2");

        // Halo gives it again: the next due run stores it and it leaves the list.
        halo.ticketById(7, FakeHalo.ticket(7, "2026-11-29T08:59:59", "Back again"));
        TestClock.advance(Duration.ofMinutes(11));
        SyncApi.sync(tenant).statusCode(200);
        assertThat(SyncApi.ticket(table, tenant, 7).get("summary").s()).isEqualTo("Back again");
        assertThat(SyncApi.ticket(table, tenant, 7)).doesNotContainKeys("stale", "staleFailures", "staleError", "staleDueAt");
        SyncApi.show(tenant).body("sync.failedTickets.ticketId", not(hasItems("7")));
    }

    @Test
    void aDeletedTicketSeenAgain_isNoLongerMarkedDeleted() {
        markStale(77);
        halo.ticketGone(77);
        SyncApi.sync(tenant).statusCode(200);
        assertThat(SyncApi.ticket(table, tenant, 77).get("deleted").bool()).isTrue();

        // Restored after the sync saw it gone, so its last_update is later than that.
        String restoredAt = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
                .format(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(1));
        halo.changedTickets(List.of(FakeHalo.ticket(77, restoredAt, "Restored in Halo")));
        SyncApi.sync(tenant).statusCode(200).body("complete", equalTo(true));

        Map<String, AttributeValue> ticket = SyncApi.ticket(table, tenant, 77);
        assertThat(ticket.get("summary").s()).isEqualTo("Restored in Halo");
        assertThat(ticket).doesNotContainKey("deleted");
    }

    private int fetchesOf(int id) {
        return halo.server().findAll(getRequestedFor(urlPathEqualTo(FakeHalo.TICKETS + "/" + id))).size();
    }

    private void markStale(int ticketId) {
        SyncApi.deliverEventOnly(callbackToken, ticketId).statusCode(200);
    }
}
