package com.halopsaconnector.sync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.halopsaconnector.store.sync.SyncLeases;
import com.halopsaconnector.testsupport.FakeHalo;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TestEnvironment;
import com.halopsaconnector.testsupport.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class SyncLifecycleTest {

    @Inject
    Table table;

    @Inject
    SyncLeases leases;

    FakeHalo halo;
    String tenant;

    @BeforeEach
    void setUp() {
        halo = FakeHalo.start().openTickets(3, "2026-11-20T10:00:00");
        tenant = "tenant-" + UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        halo.close();
    }

    @Test
    void beforeAnySave_syncIs404_andTheViewOfANewConnectionShowsItsFirstSync() {
        SyncApi.sync(tenant).statusCode(404);
        SyncApi.save(tenant, halo).statusCode(200)
                .body("sync.state", equalTo("idle"))
                .body("sync.complete", equalTo(true))
                .body("sync.ticketsSynced", equalTo(3))
                .body("sync.watermark", notNullValue())
                .body("sync.lastSuccessAt", notNullValue())
                .body("sync.nextRunAt", notNullValue());
    }

    @Test
    void syncWhileAnotherRunHoldsTheLease_is409SyncRunning() {
        SyncApi.save(tenant, halo).statusCode(200);
        Instant now = Instant.now();
        assertThat(leases.acquire(tenant, "another-run", now, now.plusSeconds(60))).isTrue();
        try {
            SyncApi.sync(tenant).statusCode(409).body("type", endsWith("/sync-running"));
            // Save still answers; its sync is left to the run that holds the lease.
            SyncApi.save(tenant, halo).statusCode(200);
        } finally {
            leases.release(tenant, "another-run");
        }
        SyncApi.sync(tenant).statusCode(200);
    }

    @Test
    void syncNeedsTheAdminRole() {
        SyncApi.save(tenant, halo).statusCode(200);
        given().auth().oauth2(TestTokens.reader(tenant)).when().post(SyncApi.PATH + "/sync").then().statusCode(403);
        given().when().post(SyncApi.PATH + "/sync").then().statusCode(401);
    }

    @Test
    void resaveThatChangesNothingAboutHalo_keepsTheSync_whileANewResourceUrlStartsAFirstSyncAgain() {
        String watermark = SyncApi.save(tenant, halo).statusCode(200).extract().path("sync.watermark");
        Map<String, Object> sameHalo = SyncApi.body(halo);
        sameHalo.put("clientId", "client-2");
        halo.forgetRequests();
        String later = SyncApi.save(tenant, sameHalo).statusCode(200)
                .body("sync.complete", equalTo(true))
                .extract().path("sync.watermark");
        assertThat(Instant.parse(later)).isAfter(Instant.parse(watermark));
        assertThat(halo.listingRequests()).allSatisfy(request ->
                assertThat(request.queryParameter("lastupdatefromdate").isPresent()).isTrue());

        try (FakeHalo other = FakeHalo.start().openTickets(5, "2026-11-20T10:00:00")) {
            SyncApi.save(tenant, SyncApi.body(other)).statusCode(200)
                    .body("sync.ticketsSynced", equalTo(5));
            assertThat(other.listingRequests()).anySatisfy(request ->
                    assertThat(request.queryParameter("open_only").firstValue()).isEqualTo("true"));
        }
    }

    @Test
    void delete_removesTheSyncStateLeaseAndDueListEntryAndStoredToken() {
        SyncApi.save(tenant, halo).statusCode(200);
        assertThat(table.item("SYNC#DUE", "TENANT#" + tenant)).isPresent();
        assertThat(table.item("TENANT#" + tenant, "CONFIG").orElseThrow()).containsKeys("sync", "haloTokenSealed");

        given().auth().oauth2(TestTokens.admin(tenant)).when().delete(SyncApi.PATH).then().statusCode(204);

        assertThat(table.item("TENANT#" + tenant, "CONFIG")).isEmpty();
        assertThat(table.item("TENANT#" + tenant, "SYNC#LEASE")).isEmpty();
        assertThat(table.item("SYNC#DUE", "TENANT#" + tenant)).isEmpty();
    }

    @Test
    void theStoredHaloTokenIsSealed_neverInTheClear() {
        SyncApi.save(tenant, halo).statusCode(200);
        assertThat(table.scanAll().toString()).doesNotContain("fake-token");
        SyncApi.show(tenant).statusCode(200);
        assertThat(SyncApi.show(tenant).extract().asString()).doesNotContain("fake-token").doesNotContain("haloToken");
    }
}
