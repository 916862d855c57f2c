package com.halopsaconnector.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.halopsaconnector.integration.HaloIntegrationApi.adminOf;
import static com.halopsaconnector.integration.HaloIntegrationApi.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.halopsaconnector.testsupport.HaloStubs;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A stored client secret goes only to the scheme, host and port it was saved with. The test Halo
 * answers on both "localhost" and "127.0.0.1", so a request that only swaps the host name would
 * reach it: nothing may be sent there, not even a token request.
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class StoredSecretOriginTest {

    static final String SECRET = "stored-secret-" + UUID.randomUUID();

    @Inject
    Table table;

    HaloStubs halo;
    String tenant;
    String jwt;
    Map<String, AttributeValue> storedBefore;

    @BeforeEach
    void saveAConnection() {
        halo = HaloStubs.fromConfig().acceptsAnyClient().servesTickets();
        tenant = "tenant-" + UUID.randomUUID();
        jwt = adminOf(tenant);
        HaloIntegrationApi.save(jwt, body(halo, "acme", "client-1", SECRET)).statusCode(200);
        storedBefore = table.item("TENANT#" + tenant, "CONFIG").orElseThrow();
        halo.wireMock().resetRequests();
    }

    @Test
    void anotherAuthHost_withoutTheSecret_isRefusedForSaveAndTest_andNothingIsSent() {
        Map<String, Object> request = body(halo, "acme", "client-1", null);
        request.put("authUrl", halo.authUrl().replace("localhost", "127.0.0.1"));

        expectSecretRequired(HaloIntegrationApi.save(jwt, request));
        expectSecretRequired(HaloIntegrationApi.test(jwt, request));

        assertNothingSentAndNothingChanged();
    }

    @Test
    void anotherResourcePort_withoutTheSecret_isRefused_soNoTokenGoesThere() {
        Map<String, Object> request = body(halo, "acme", "client-1", null);
        request.put("resourceUrl", "http://localhost:1/api");

        expectSecretRequired(HaloIntegrationApi.save(jwt, request));
        expectSecretRequired(HaloIntegrationApi.test(jwt, request));

        assertNothingSentAndNothingChanged();
    }

    @Test
    void anotherScheme_withoutTheSecret_isRefused() {
        Map<String, Object> request = body(halo, "acme", "client-1", null);
        request.put("authUrl", halo.authUrl().replace("http://", "https://"));

        expectSecretRequired(HaloIntegrationApi.save(jwt, request));

        assertNothingSentAndNothingChanged();
    }

    @Test
    void theSameOrigins_spelledDifferently_keepTheStoredSecret() {
        Map<String, Object> request = body(halo, "acme", "client-1", null);
        request.put("authUrl", halo.authUrl().replace("localhost", "LOCALHOST") + "/");

        HaloIntegrationApi.save(jwt, request).statusCode(200);

        halo.wireMock().verifyThat(1, postRequestedFor(urlPathEqualTo("/auth/token"))
                .withRequestBody(containing("client_secret=" + SECRET)));
    }

    @Test
    void anotherHost_withTheSecretSentAgain_isChecked() {
        Map<String, Object> request = body(halo, "acme", "client-1", SECRET);
        request.put("authUrl", halo.authUrl().replace("localhost", "127.0.0.1"));

        HaloIntegrationApi.test(jwt, request).statusCode(200).body("ok", equalTo(true));
    }

    private static void expectSecretRequired(ValidatableResponse response) {
        response.statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/invalid-input"))
                .body("errors.field", contains("clientSecret"))
                .body("errors[0].message",
                        equalTo("send the client secret again when you change the Auth URL or Resource URL"));
    }

    private void assertNothingSentAndNothingChanged() {
        halo.wireMock().verifyThat(0, anyRequestedFor(anyUrl()));
        assertThat(table.item("TENANT#" + tenant, "CONFIG").orElseThrow()).isEqualTo(storedBefore);
    }
}
