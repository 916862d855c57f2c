package com.halopsaconnector.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.halopsaconnector.integration.HaloIntegrationApi.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.halopsaconnector.domain.CallbackToken;
import com.halopsaconnector.testsupport.HaloStubs;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class SaveAndSyncTest {

    static final String SECRET = "s3cr3t-" + UUID.randomUUID() + "-3f9a";

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
    void save_returnsViewWithWebhookUrl_andStoresTheSpecItems() {
        String webhookUrl = HaloIntegrationApi.save(HaloIntegrationApi.adminOf(tenant), body(halo, "acme", "client-1", SECRET))
                .statusCode(200)
                .body("authUrl", equalTo(halo.authUrl()))
                .body("resourceUrl", equalTo(halo.resourceUrl()))
                .body("tenant", equalTo("acme"))
                .body("clientId", equalTo("client-1"))
                .body("clientSecret", equalTo("••••••3f9a"))
                .body("status", equalTo("connected"))
                .body("webhooksReceived", equalTo(0))
                .body("webhookUrl", startsWith("http"))
                .extract().path("webhookUrl");

        String token = TestConnections.tokenOf(webhookUrl);
        assertThat(webhookUrl).contains("/v1/webhooks/halo/" + token);
        assertThat(token).matches("[A-Za-z0-9_-]{43}");

        Map<String, AttributeValue> connection = table.item("TENANT#" + tenant, "CONFIG").orElseThrow();
        assertThat(connection.get("clientId").s()).isEqualTo("client-1");
        assertThat(connection.get("haloTenant").s()).isEqualTo("acme");
        assertThat(connection.get("callbackTokenHash").s()).isEqualTo(CallbackToken.sha256Hex(token));
        Map<String, AttributeValue> tokenItem = table.item("TOKEN#" + CallbackToken.sha256Hex(token), "TOKEN").orElseThrow();
        assertThat(tokenItem.get("tenant").s()).isEqualTo(tenant);

        List<Map<String, AttributeValue>> everything = table.scanAll();
        assertThat(everything.toString()).doesNotContain(SECRET).doesNotContain(token);

        halo.wireMock().verifyThat(postRequestedFor(urlPathEqualTo("/auth/token"))
                .withQueryParam("tenant", com.github.tomakehurst.wiremock.client.WireMock.equalTo("acme"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("grant_type=client_credentials")));
        halo.wireMock().verifyThat(getRequestedFor(urlPathEqualTo("/api/Tickets"))
                .withQueryParam("page_size", com.github.tomakehurst.wiremock.client.WireMock.equalTo("1"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer eyJhbGciOi...redacted")));
    }
}
