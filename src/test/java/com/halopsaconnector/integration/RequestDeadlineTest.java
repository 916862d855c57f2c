package com.halopsaconnector.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.halopsaconnector.integration.HaloIntegrationApi.adminOf;
import static com.halopsaconnector.integration.HaloIntegrationApi.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.endsWith;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.halopsaconnector.domain.Deadline;
import com.halopsaconnector.domain.DeadlinePassedException;
import com.halopsaconnector.testsupport.AdjustableClock;
import com.halopsaconnector.testsupport.FakeHalo;
import com.halopsaconnector.testsupport.HaloStubs;
import com.halopsaconnector.testsupport.Hold;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * One deadline per request: Halo calls wait no longer than what is left of it, and a save whose
 * deadline passed is not written, because API Gateway may already have answered the UI.
 */
@QuarkusTest
@TestProfile(ShortRequestBudgetProfile.class)
@QuarkusTestResource(TestEnvironment.class)
class RequestDeadlineTest {

    @Inject
    HaloConnectionService connections;

    @Inject
    Table table;

    HaloStubs halo;
    String tenant;

    @BeforeEach
    void setUp() {
        halo = HaloStubs.fromConfig().acceptsAnyClient().servesTickets();
        tenant = "tenant-" + UUID.randomUUID();
    }

    @Test
    void haloSlowerThanTheRequestsTime_isATimeout_andNothingIsSaved() {
        // 2.5 s is within the 3 s read timeout of the test profile: only the request's deadline cuts it.
        halo.wireMock().register(post(urlPathEqualTo("/auth/token")).atPriority(1)
                .willReturn(HaloStubs.json(200, HaloStubs.Samples.read("token-response.json")).withFixedDelay(2_500)));

        HaloIntegrationApi.save(adminOf(tenant), body(halo, "acme", "client-1", "a-client-secret-0001"))
                .statusCode(504).contentType("application/problem+json").body("type", endsWith("/request-timed-out"));
        HaloIntegrationApi.test(adminOf(tenant), body(halo, "acme", "client-1", "a-client-secret-0001"))
                .statusCode(504).body("type", endsWith("/request-timed-out"));

        assertThat(table.itemsOf("TENANT#" + tenant)).isEmpty();
    }

    @Test
    void aDeadlinePassingWhileHaloAnswers_stopsTheSaveBeforeItWrites() throws Exception {
        AdjustableClock clock = new AdjustableClock();
        Deadline deadline = Deadline.after(Duration.ofSeconds(20), clock);
        try (FakeHalo slowHalo = FakeHalo.start(); Hold probe = new Hold()) {
            slowHalo.probeHeldBy(probe);
            SaveCommand command = new SaveCommand(slowHalo.authUrl(), slowHalo.resourceUrl(), "acme", "client-1",
                    "a-client-secret-0001", "all", WebhookAuthChange.KEEP);

            CompletableFuture<ConnectionWithToken> save = CompletableFuture.supplyAsync(
                    () -> connections.save(tenant, command, deadline));
            // The probe is Save's last call to Halo; it was sent with the time that was left then.
            probe.awaitArrival();
            clock.advance(Duration.ofMinutes(1));
            probe.release();

            assertThatThrownBy(() -> save.get(120, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(DeadlinePassedException.class);
            table.deleteItemsOf(slowHalo.budgetPk());
        }
        assertThat(table.itemsOf("TENANT#" + tenant)).isEmpty();
    }
}
