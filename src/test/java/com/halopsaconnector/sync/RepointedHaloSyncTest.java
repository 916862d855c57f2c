package com.halopsaconnector.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.halopsaconnector.domain.Deadline;
import com.halopsaconnector.domain.SyncState;
import com.halopsaconnector.integration.TestConnections;
import com.halopsaconnector.standin.SampleTicket;
import com.halopsaconnector.standin.StandInHalo;
import com.halopsaconnector.standin.TicketDesk;
import com.halopsaconnector.testsupport.HeldStoreCalls;
import com.halopsaconnector.testsupport.Hold;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One Halo's data per connection: a connection re-pointed at another Halo ends up holding only that
 * Halo's tickets, even where ticket ids are the same, and a run of an earlier connection that is
 * still under way when the tenant disconnects and saves again writes nothing over the new sync.
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class RepointedHaloSyncTest {

    @Inject
    Table table;

    @Inject
    SyncRunner runner;

    @Inject
    Clock clock;

    StandInHalo first;
    StandInHalo second;
    String tenant;
    LocalDateTime yesterday;

    @BeforeEach
    void setUp() {
        yesterday = LocalDateTime.now(ZoneOffset.UTC).minusDays(1).withNano(0);
        tenant = "tenant-" + UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        for (StandInHalo halo : new StandInHalo[] {first, second}) {
            if (halo != null) {
                halo.close();
                table.deleteItemsOf("HALO#127.0.0.1:" + halo.port());
            }
        }
    }

    @Test
    void rePointingToAHaloWhoseTicketIdsOverlap_leavesOnlyTheNewHalosTickets_andGivesANewCallbackUrl() {
        first = StandInHalo.start(SyncApi.CREDENTIALS, TicketDesk.open(1, 30, yesterday));
        TicketDesk otherDesk = TicketDesk.open(1, 12, yesterday);
        for (int id = 1; id <= 12; id++) {
            otherDesk.rename(id, "Second Halo's ticket " + id, yesterday);
        }
        second = StandInHalo.start(SyncApi.CREDENTIALS, otherDesk);
        String firstUrl = save(first).extract().path("webhookUrl");
        SyncApi.syncUntilComplete(tenant, 10);
        assertThat(SyncApi.tickets(table, tenant)).hasSize(30);

        String secondUrl = save(second).extract().path("webhookUrl");
        SyncApi.syncUntilComplete(tenant, 10);

        Map<String, String> stored = new LinkedHashMap<>();
        SyncApi.tickets(table, tenant).forEach(item -> stored.put(item.get("ticketId").s(), item.get("summary").s()));
        Map<String, String> secondHalos = new LinkedHashMap<>();
        for (SampleTicket ticket : otherDesk.all()) {
            secondHalos.put(Integer.toString(ticket.id()), ticket.summary());
        }
        assertThat(stored).isEqualTo(secondHalos);
        SyncApi.show(tenant).statusCode(200).body("sync.complete", equalTo(true)).body("sync.ticketsSynced", equalTo(12));
        // The first Halo's webhook, still posting to the old URL, no longer reaches this tenant.
        assertThat(secondUrl).isNotEqualTo(firstUrl);
        deliver(firstUrl).statusCode(404);
        deliver(secondUrl).statusCode(200);
    }

    /**
     * The old run has taken the lease and read the connection (its read is held) when the tenant
     * disconnects and saves again; then it goes on with what it read.
     */
    @Test
    void aRunStillUnderWayAcrossDisconnectAndSave_leavesTheNewSyncUntouched() throws Exception {
        first = StandInHalo.start(SyncApi.CREDENTIALS, TicketDesk.open(1, 20, yesterday));
        save(first);
        SyncApi.syncUntilComplete(tenant, 10);
        first.desk().rename(7, "Changed before the old run", LocalDateTime.now(ZoneOffset.UTC).withNano(0));
        AttributeValue newSync;
        CompletableFuture<Optional<SyncState>> oldRun;
        try (HeldStoreCalls store = HeldStoreCalls.start(); Hold reads = store.holdReadsMentioning("TENANT#" + tenant)) {
            oldRun = CompletableFuture.supplyAsync(() -> runner.run(tenant, Deadline.after(Duration.ofSeconds(25), clock)));
            reads.awaitArrival();
            reads.releaseAllBut(1);
            SyncApi.disconnect(tenant);
            save(first).body("sync.state", equalTo("never"));
            newSync = syncAttribute();
            reads.release();
            oldRun.get(60, TimeUnit.SECONDS);
        }

        assertThat(syncAttribute()).as("the new sync's state and cursor").isEqualTo(newSync);
        assertThat(newSync.m()).as("a sync not started yet").doesNotContainKey("cursor");
        assertThat(newSync.m().get("ticketsSynced").n()).isEqualTo("0");
        SyncApi.syncUntilComplete(tenant, 10);
        assertThat(SyncApi.tickets(table, tenant)).hasSize(20)
                .allSatisfy(item -> assertThat(item.get("epoch")).isEqualTo(newSync.m().get("epoch")));
        assertThat(SyncApi.ticket(table, tenant, 7).get("summary").s()).isEqualTo("Changed before the old run");
    }

    private ValidatableResponse save(StandInHalo halo) {
        return SyncApi.save(tenant, SyncApi.body(halo.authUrl(), halo.resourceUrl())).statusCode(200);
    }

    private AttributeValue syncAttribute() {
        return table.item("TENANT#" + tenant, "CONFIG").orElseThrow().get("sync");
    }

    private static ValidatableResponse deliver(String webhookUrl) {
        return SyncApi.deliverEventOnly(TestConnections.tokenOf(webhookUrl), 3);
    }
}
