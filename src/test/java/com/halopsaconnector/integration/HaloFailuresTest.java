package com.halopsaconnector.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.halopsaconnector.integration.HaloIntegrationApi.adminOf;
import static com.halopsaconnector.integration.HaloIntegrationApi.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.halopsaconnector.testsupport.HaloStubs;
import com.halopsaconnector.testsupport.IsolatedHalo;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Every way Halo can say no, and proof that none of them changes what was stored. */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class HaloFailuresTest {

    static final String GOOD_SECRET = "good-secret-" + UUID.randomUUID();
    static final String WRONG_SECRET = "wrong-secret-" + UUID.randomUUID();

    @Inject
    Table table;

    HaloStubs halo;
    String tenant;
    String jwt;
    Map<String, AttributeValue> storedBefore;
    List<Map<String, AttributeValue>> scanBefore;
    IsolatedHalo isolatedHalo;

    @BeforeEach
    void saveAWorkingConnection() {
        halo = HaloStubs.fromConfig().acceptsAnyClient().servesTickets();
        tenant = "tenant-" + UUID.randomUUID();
        jwt = adminOf(tenant);
        HaloIntegrationApi.save(jwt, body(halo, "acme", "client-1", GOOD_SECRET)).statusCode(200);
        storedBefore = table.item("TENANT#" + tenant, "CONFIG").orElseThrow();
        halo.wireMock().resetRequests();
        scanBefore = table.scanAll();
    }

    @AfterEach
    void stopTheIsolatedHalo() {
        if (isolatedHalo != null) {
            isolatedHalo.close();
            table.deleteItemsOf(isolatedHalo.budgetPk());
        }
    }

    @Test
    void wrongSecret_isCredentialsRejected_andKeepsThePreviousConnection() {
        halo.rejectsClient().servesTickets();
        HaloIntegrationApi.save(jwt, body(halo, "acme", "client-1", WRONG_SECRET))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/halo-credentials-rejected"))
                .body("detail", containsString("invalid_client"))
                .body(not(containsString(WRONG_SECRET)));
        assertNothingChanged();
    }

    @Test
    void ticketsForbidden_isPermissionDenied() {
        halo.acceptsAnyClient().ticketsAnswer(403);
        HaloIntegrationApi.save(jwt, body(halo, "acme", "client-1", GOOD_SECRET))
                .statusCode(422).body("type", endsWith("/halo-permission-denied"));
        assertNothingChanged();
    }

    @Test
    void haloServerError_isUnreachable() {
        halo.acceptsAnyClient().ticketsAnswer(503);
        expectUnreachable(HaloIntegrationApi.save(jwt, body(halo, "acme", "client-1", GOOD_SECRET)));
        halo.wireMock().register(post(urlPathEqualTo("/auth/token")).atPriority(1).willReturn(aResponse().withStatus(500)));
        expectUnreachable(HaloIntegrationApi.save(jwt, body(halo, "acme", "client-1", GOOD_SECRET)));
        assertNothingChanged();
    }

    @Test
    void haloTimingOut_isUnreachable() {
        halo.wireMock().register(post(urlPathEqualTo("/auth/token")).atPriority(1)
                .willReturn(HaloStubs.json(200, HaloStubs.Samples.read("token-response.json")).withFixedDelay(5_000)));
        expectUnreachable(HaloIntegrationApi.save(jwt, body(halo, "acme", "client-1", GOOD_SECRET)))
                .body("detail", equalTo(noAnswerFrom("localhost:" + port())));
        assertNothingChanged();
    }

    @Test
    void haloConnectionReset_isUnreachable() {
        halo.wireMock().register(post(urlPathEqualTo("/auth/token")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        expectUnreachable(HaloIntegrationApi.save(jwt, body(halo, "acme", "client-1", GOOD_SECRET)))
                .body("detail", equalTo(noAnswerFrom("localhost:" + port())));
        assertNothingChanged();
    }

    @Test
    void haloDown_isUnreachable() {
        Map<String, Object> request = body(halo, "acme", "client-1", GOOD_SECRET);
        request.put("authUrl", "http://127.0.0.1:1/auth");
        expectUnreachable(HaloIntegrationApi.save(jwt, request)).body("detail", equalTo(noAnswerFrom("127.0.0.1:1")));
        assertNothingChanged();
    }

    @Test
    void hostThatDoesNotResolve_isUnreachable() {
        Map<String, Object> request = body(halo, "acme", "client-1", GOOD_SECRET);
        request.put("authUrl", "https://no-such-host.invalid/auth");
        expectUnreachable(HaloIntegrationApi.save(jwt, request)).body("detail", equalTo(noAnswerFrom("no-such-host.invalid")));
        assertNothingChanged();
    }

    @Test
    void tenantIsSentWhenGiven_andLeftOutWhenBlank_withTheFormBodyAsSpecified() {
        halo.wireMock().resetRequests();
        HaloIntegrationApi.test(jwt, body(halo, "acme", "client-1", GOOD_SECRET)).statusCode(200).body("ok", equalTo(true));
        halo.wireMock().verifyThat(1, postRequestedFor(urlPathEqualTo("/auth/token"))
                .withQueryParam("tenant", WireMock.equalTo("acme"))
                .withHeader("Content-Type", WireMock.containing("application/x-www-form-urlencoded"))
                .withFormParam("grant_type", WireMock.equalTo("client_credentials"))
                .withFormParam("client_id", WireMock.equalTo("client-1"))
                .withFormParam("client_secret", WireMock.equalTo(GOOD_SECRET))
                .withFormParam("scope", WireMock.equalTo("all")));
        halo.wireMock().verifyThat(1, getRequestedFor(urlPathEqualTo("/api/Tickets"))
                .withQueryParam("pageinate", WireMock.equalTo("true"))
                .withQueryParam("page_size", WireMock.equalTo("1"))
                .withQueryParam("page_no", WireMock.equalTo("1")));

        halo.wireMock().resetRequests();
        HaloIntegrationApi.test(jwt, body(halo, "  ", "client-1", GOOD_SECRET)).statusCode(200);
        halo.wireMock().verifyThat(1, postRequestedFor(urlPathEqualTo("/auth/token")).withQueryParam("tenant", absent()));
        assertNothingChanged();
    }

    @Test
    void redirect_isNotFollowed() {
        halo.wireMock().register(post(urlPathEqualTo("/auth/token")).atPriority(1)
                .willReturn(aResponse().withStatus(302).withHeader("Location", halo.authUrl() + "/elsewhere")));
        halo.wireMock().register(post(urlPathEqualTo("/auth/elsewhere")).willReturn(aResponse().withStatus(200)));
        halo.wireMock().resetRequests();

        expectUnreachable(HaloIntegrationApi.save(jwt, body(halo, "acme", "client-1", GOOD_SECRET)))
                .body("detail", containsString("redirect"));

        halo.wireMock().verifyThat(1, anyRequestedFor(anyUrl()));
        halo.wireMock().verifyThat(0, anyRequestedFor(urlPathEqualTo("/auth/elsewhere")));
        assertNothingChanged();
    }

    @Test
    void rateLimit_isServiceUnavailableWithHalosRetryAfter() {
        HaloStubs limited = isolatedHalo().ticketsAnswer429("120");
        HaloIntegrationApi.save(jwt, body(limited, "acme", "client-1", GOOD_SECRET))
                .statusCode(503).header("Retry-After", "120").body("type", endsWith("/halo-rate-limited"));
        assertNothingChanged();
    }

    @Test
    void rateLimit_endsTheCall_withoutASecondRequestToHalo() {
        HaloStubs limited = isolatedHalo();
        limited.wireMock().register(get(urlPathEqualTo("/api/Tickets")).atPriority(1).inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
                .willSetStateTo("recovered"));
        limited.wireMock().register(get(urlPathEqualTo("/api/Tickets")).atPriority(1).inScenario("limit")
                .whenScenarioStateIs("recovered")
                .willReturn(HaloStubs.json(200, HaloStubs.Samples.read("tickets-page.json"))));

        HaloIntegrationApi.test(jwt, body(limited, "acme", "client-1", GOOD_SECRET))
                .statusCode(503).header("Retry-After", "1").body("type", endsWith("/halo-rate-limited"));

        limited.wireMock().verifyThat(1, postRequestedFor(urlPathEqualTo("/auth/token")));
        limited.wireMock().verifyThat(1, getRequestedFor(urlPathEqualTo("/api/Tickets")));
        assertNothingChanged();
    }

    @Test
    void probeAnswering401_getsOneFreshTokenThenGivesUp() {
        halo.acceptsAnyClient().ticketsAnswer(401);
        halo.wireMock().resetRequests();
        HaloIntegrationApi.save(jwt, body(halo, "acme", "client-1", GOOD_SECRET))
                .statusCode(422).body("type", endsWith("/halo-credentials-rejected"));
        halo.wireMock().verifyThat(2, postRequestedFor(urlPathEqualTo("/auth/token")));
        halo.wireMock().verifyThat(2, getRequestedFor(urlPathEqualTo("/api/Tickets")));
        assertNothingChanged();
    }

    /**
     * Refused, timed out, reset and not resolving all read the same, so the API tells nobody which
     * hosts and ports exist; only the log has the reason.
     */
    private static String noAnswerFrom(String hostAndPort) {
        return "Halo could not be reached at " + hostAndPort + "; check the URL and that Halo is online";
    }

    private int port() {
        return URI.create(halo.authUrl()).getPort();
    }

    private static ValidatableResponse expectUnreachable(ValidatableResponse response) {
        return response.statusCode(502).contentType("application/problem+json").body("type", endsWith("/halo-unreachable"));
    }

    /**
     * A 429 pauses every caller of the Halo instance it came from, so it is played by a Halo of the
     * test's own: a pause on the shared test Halo would refuse the test classes that run after.
     */
    private HaloStubs isolatedHalo() {
        isolatedHalo = IsolatedHalo.start();
        return isolatedHalo.stubs().acceptsAnyClient();
    }

    private void assertNothingChanged() {
        assertThat(table.item("TENANT#" + tenant, "CONFIG").orElseThrow()).isEqualTo(storedBefore);
        // The Halo request budget counts every call to Halo, failed or not; it is not tenant data.
        assertThat(withoutRequestBudgets(table.scanAll())).containsExactlyInAnyOrderElementsOf(withoutRequestBudgets(scanBefore));
    }

    private static List<Map<String, AttributeValue>> withoutRequestBudgets(List<Map<String, AttributeValue>> items) {
        return items.stream().filter(item -> !item.get("pk").s().startsWith("HALO#")).toList();
    }
}
