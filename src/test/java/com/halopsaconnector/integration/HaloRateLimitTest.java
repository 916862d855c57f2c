package com.halopsaconnector.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.halopsaconnector.integration.HaloIntegrationApi.adminOf;
import static com.halopsaconnector.integration.HaloIntegrationApi.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.halopsaconnector.testsupport.HaloStubs;
import com.halopsaconnector.testsupport.IsolatedHalo;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * A 429 from Halo pauses every caller of that Halo instance until its Retry-After has passed, and
 * nothing is sent to it meanwhile. Each test plays Halo on an {@link IsolatedHalo}, so the pauses
 * never reach the shared test Halo.
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class HaloRateLimitTest {

    static final String SECRET = "a-client-secret-" + UUID.randomUUID();

    @Inject
    Table table;

    IsolatedHalo halo;

    @BeforeEach
    void startAHaloOfThisTestsOwn() {
        halo = IsolatedHalo.start();
        halo.stubs().acceptsAnyClient();
    }

    @AfterEach
    void stopItAndForgetItsPause() {
        halo.close();
        table.deleteItemsOf(halo.budgetPk());
    }

    @Test
    void after429WithRetryAfter30_saveIsRateLimitedFor30s_andNeitherSaveNorTestCallsThatHaloAgainMeanwhile() {
        halo.stubs().ticketsAnswer429("30");

        ValidatableResponse first = HaloIntegrationApi.save(adminOf(newTenant()), bodyFor(halo))
                .body("detail", containsString("Halo's rate limit was reached"))
                .body("detail", containsString(halo.instance()));
        // Seconds left of the pause when the answer was made: up to 5 s of a slow machine may have passed.
        assertThat(retryAfterOfRateLimited(first)).isBetween(25, 30);
        halo.stubs().wireMock().verifyThat(1, postRequestedFor(urlPathEqualTo("/auth/token")));
        halo.stubs().wireMock().verifyThat(1, getRequestedFor(urlPathEqualTo("/api/Tickets")));
        halo.stubs().wireMock().resetRequests();

        assertThat(retryAfterOfRateLimited(HaloIntegrationApi.save(adminOf(newTenant()), bodyFor(halo)))).isBetween(1, 30);
        assertThat(retryAfterOfRateLimited(HaloIntegrationApi.test(adminOf(newTenant()), bodyFor(halo)))).isBetween(1, 30);
        halo.stubs().wireMock().verifyThat(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void a429WithoutRetryAfter_pausesThatHaloFor60s() {
        halo.stubs().ticketsAnswer(429);

        assertThat(retryAfterOfRateLimited(HaloIntegrationApi.save(adminOf(newTenant()), bodyFor(halo)))).isBetween(55, 60);
        halo.stubs().wireMock().resetRequests();

        assertThat(retryAfterOfRateLimited(HaloIntegrationApi.test(adminOf(newTenant()), bodyFor(halo)))).isBetween(1, 60);
        halo.stubs().wireMock().verifyThat(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aPausedHalo_holdsUpNoOtherHaloInstance() {
        halo.stubs().ticketsAnswer429("30");
        retryAfterOfRateLimited(HaloIntegrationApi.save(adminOf(newTenant()), bodyFor(halo)));

        HaloStubs sharedHalo = HaloStubs.fromConfig().acceptsAnyClient().servesTickets();
        HaloIntegrationApi.save(adminOf(newTenant()), body(sharedHalo, "acme", "client-1", SECRET)).statusCode(200);
    }

    /** Checks the answer is 503 halo-rate-limited and returns its Retry-After in seconds. */
    private static int retryAfterOfRateLimited(ValidatableResponse response) {
        String retryAfter = response.statusCode(503)
                .contentType("application/problem+json")
                .body("type", endsWith("/halo-rate-limited"))
                .body(not(containsString(SECRET)))
                .extract().header("Retry-After");
        assertThat(retryAfter).as("Retry-After").isNotNull().matches("\\d+");
        return Integer.parseInt(retryAfter);
    }

    private static Map<String, Object> bodyFor(IsolatedHalo halo) {
        return body(halo.stubs(), "acme", "client-1", SECRET);
    }

    private static String newTenant() {
        return "tenant-" + UUID.randomUUID();
    }
}
