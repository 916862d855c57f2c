package com.halopsaconnector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.halopsaconnector.testsupport.FakeHalo;
import com.halopsaconnector.testsupport.SerialisedStore;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Two tenants on one Halo instance share its request budget, however their runs interleave. */
@QuarkusTest
@TestProfile(IsolatedSyncProfile.class)
@QuarkusTestResource(TestEnvironment.class)
class SharedRequestBudgetTest {

    @Inject
    Table table;

    FakeHalo halo;
    SerialisedStore serialisedStore;

    @BeforeEach
    void setUp() {
        halo = FakeHalo.start(IsolatedSyncProfile.PAGE_SIZE).openTickets(1000, "2026-11-20T10:00:00");
        serialisedStore = SerialisedStore.start();
    }

    @AfterEach
    void tearDown() {
        serialisedStore.close();
        halo.close();
        table.deleteItemsOf(halo.budgetPk());
    }

    @Test
    void twoTenantsSyncingAtOnceFromOneHalo_neverExceedItsBudgetTogether() throws Exception {
        String first = "tenant-" + UUID.randomUUID();
        String second = "tenant-" + UUID.randomUUID();
        SyncApi.save(first, halo).statusCode(200);
        SyncApi.save(second, halo).statusCode(200);

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> runs = threads.invokeAll(List.<Callable<String>>of(
                    () -> SyncApi.sync(first).statusCode(200).extract().path("error"),
                    () -> SyncApi.sync(second).statusCode(200).extract().path("error")));
            for (Future<String> run : runs) {
                run.get();
            }
        } finally {
            threads.shutdownNow();
        }

        // Save's check takes 2 requests per tenant; 1,000 tickets take 101 more each; the instance allows 10 in all.
        assertThat(halo.requestCount()).isEqualTo(IsolatedSyncProfile.BUDGET);
        for (String tenant : List.of(first, second)) {
            SyncApi.show(tenant).statusCode(200)
                    .body("sync.complete", org.hamcrest.Matchers.equalTo(false));
        }
        assertThat(List.of(first, second)).anySatisfy(tenant -> assertThat(
                SyncApi.show(tenant).extract().<String>path("sync.error")).contains("request budget"));
        // Leaves the due-list of this profile's table to the other tests.
        SyncApi.disconnect(first);
        SyncApi.disconnect(second);
    }
}
