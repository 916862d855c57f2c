package com.halopsaconnector.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.halopsaconnector.lambdaruntime.HttpApiEvent;
import com.halopsaconnector.testsupport.FakeHalo;
import com.halopsaconnector.testsupport.HostileHalo;
import com.halopsaconnector.testsupport.LambdaEvents;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TemplateSchedule;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The schedule's event, read from {@code template.yaml}, invoked on the function the way Lambda
 * invokes it (the mock event server's raw invocation endpoint), not as an HTTP request.
 */
@QuarkusTest
@TestProfile(IsolatedSyncProfile.class)
@QuarkusTestResource(TestEnvironment.class)
class ScheduledSyncTest {

    @Inject
    Table table;

    @Inject
    ObjectMapper json;

    FakeHalo halo;
    String tenant;

    @BeforeEach
    void setUp() {
        halo = FakeHalo.start(IsolatedSyncProfile.PAGE_SIZE);
        tenant = "tenant-" + UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        halo.close();
        table.deleteItemsOf(halo.budgetPk());
    }

    @Test
    void theTemplatesScheduledEvent_continuesAnUnfinishedFirstSyncToTheEnd() throws Exception {
        // Open pages of 10, 10 and 5 and their ids, the closed pass and the catch-up (a page and ids each):
        // 8 requests, with Save's 2 exactly the budget of 10.
        halo.openTickets(25, "2026-11-20T10:00:00");
        SyncApi.save(tenant, halo).statusCode(200).body("sync.complete", equalTo(false));

        HttpApiEvent.Response answer = LambdaEvents.invoke(TemplateSchedule.scheduledSyncEvent());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.bodyJson().path("tenantsRun").asInt()).isEqualTo(1);
        SyncApi.show(tenant).statusCode(200)
                .body("sync.complete", equalTo(true))
                .body("sync.state", equalTo("idle"))
                .body("sync.ticketsSynced", equalTo(25));
        assertThat(SyncApi.tickets(table, tenant)).hasSize(25);
    }

    @Test
    void aTenantWhoseHaloSendsEndlessPages_failsAlone_andTheScheduledRunServesTheNextTenant() throws Exception {
        String hostileTenant = "tenant-" + UUID.randomUUID();
        try (HostileHalo hostile = HostileHalo.start()) {
            // Saved first, so the longest-waiting first order meets it first.
            SyncApi.save(hostileTenant, SyncApi.body(hostile.authUrl(), hostile.resourceUrl())).statusCode(200);
            hostile.pages(HostileHalo.Answer.ENDLESS);
            halo.openTickets(5, "2026-11-20T10:00:00");
            SyncApi.save(tenant, halo).statusCode(200);

            HttpApiEvent.Response answer = LambdaEvents.invoke(TemplateSchedule.scheduledSyncEvent());

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.bodyJson().path("tenantsRun").asInt()).isEqualTo(2);
            SyncApi.show(hostileTenant).statusCode(200).body("sync.state", equalTo("failed"))
                    .body("sync.error", containsString("larger than"));
            String retryAt = SyncApi.show(hostileTenant).extract().path("sync.nextRunAt");
            assertThat(Instant.parse(retryAt)).as("due again after a back-off").isAfter(Instant.now().plusSeconds(60));
            SyncApi.show(tenant).statusCode(200).body("sync.complete", equalTo(true)).body("sync.ticketsSynced", equalTo(5));
            table.deleteItemsOf(hostile.budgetPk());
        } finally {
            SyncApi.disconnect(hostileTenant);
            SyncApi.disconnect(tenant);
        }
    }

    @Test
    void theScheduledEntryPoint_refusesAnEventThatCameThroughApiGateway() throws Exception {
        halo.openTickets(25, "2026-11-20T10:00:00");
        SyncApi.save(tenant, halo).statusCode(200).body("sync.complete", equalTo(false));
        ObjectNode event = (ObjectNode) json.readTree(TemplateSchedule.scheduledSyncEvent());
        ((ObjectNode) event.path("requestContext")).put("apiId", "abc123");

        HttpApiEvent.Response answer = LambdaEvents.invoke(json.writeValueAsString(event));

        assertThat(answer.statusCode()).isEqualTo(404);
        SyncApi.show(tenant).statusCode(200).body("sync.complete", equalTo(false));
        // Leaves the due-list to the other test, whichever runs first.
        SyncApi.disconnect(tenant);
    }

}
