package com.halopsaconnector.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.halopsaconnector.integration.HaloIntegrationApi.adminOf;
import static com.halopsaconnector.integration.HaloIntegrationApi.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

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
class ConnectionLifecycleTest {

    static final String FIRST_SECRET = "first-secret-" + UUID.randomUUID() + "-aaaa";
    static final String SECOND_SECRET = "second-secret-" + UUID.randomUUID() + "-bbbb";

    @Inject
    Table table;

    HaloStubs halo;
    String tenant;
    String jwt;

    @BeforeEach
    void setUp() {
        halo = HaloStubs.fromConfig().acceptsAnyClient().servesTickets();
        tenant = "tenant-" + UUID.randomUUID();
        jwt = adminOf(tenant);
    }

    @Test
    void resave_keepsTheCallbackUrl() {
        String first = HaloIntegrationApi.save(jwt, body(halo, "acme", "client-1", FIRST_SECRET)).statusCode(200)
                .extract().path("webhookUrl");
        String second = HaloIntegrationApi.save(jwt, body(halo, "acme", "client-2", SECOND_SECRET)).statusCode(200)
                .body("clientId", equalTo("client-2"))
                .body("clientSecret", equalTo("••••••bbbb"))
                .extract().path("webhookUrl");
        assertThat(second).isEqualTo(first);
        assertThat(table.itemsOf("TENANT#" + tenant)).filteredOn(item -> !item.get("sk").s().startsWith("TICKET#"))
                .extracting(item -> item.get("sk").s()).containsExactly("CONFIG");
    }

    @Test
    void resaveWithoutSecret_keepsTheStoredSecret() {
        HaloIntegrationApi.save(jwt, body(halo, "acme", "client-1", FIRST_SECRET)).statusCode(200);
        String sealedBefore = connection().get("clientSecretSealed").s();
        halo.wireMock().resetRequests();

        HaloIntegrationApi.save(jwt, body(halo, "acme", "client-1", null)).statusCode(200)
                .body("clientSecret", equalTo("••••••aaaa"));

        halo.wireMock().verifyThat(1, postRequestedFor(urlPathEqualTo("/auth/token"))
                .withRequestBody(containing("client_secret=" + FIRST_SECRET)));
        assertThat(connection().get("clientSecretSealed").s()).isEqualTo(sealedBefore);
    }

    @Test
    void firstSaveWithoutSecret_isInvalid() {
        HaloIntegrationApi.save(jwt, body(halo, "acme", "client-1", null)).statusCode(400)
                .body("errors[0].field", equalTo("clientSecret"));
        assertThat(table.item("TENANT#" + tenant, "CONFIG")).isEmpty();
    }

    @Test
    void rotate_givesANewUrl_andRemovesTheOldTokensLookupItem() {
        String oldUrl = HaloIntegrationApi.save(jwt, body(halo, "acme", "client-1", FIRST_SECRET)).statusCode(200)
                .extract().path("webhookUrl");
        String newUrl = HaloIntegrationApi.rotate(jwt).statusCode(200)
                .body("webhookUrl", not(equalTo(oldUrl)))
                .body("clientId", equalTo("client-1"))
                .extract().path("webhookUrl");

        assertThat(table.item("TOKEN#" + CallbackToken.sha256Hex(TestConnections.tokenOf(oldUrl)), "TOKEN")).isEmpty();
        assertThat(table.item("TOKEN#" + CallbackToken.sha256Hex(TestConnections.tokenOf(newUrl)), "TOKEN")).isPresent();
        assertThat(connection().get("callbackTokenHash").s()).isEqualTo(CallbackToken.sha256Hex(TestConnections.tokenOf(newUrl)));
        HaloIntegrationApi.show(jwt).statusCode(200).body("webhookUrl", equalTo(newUrl));
    }

    @Test
    void show_answers404BeforeAnySave_andTheViewAfter() {
        HaloIntegrationApi.show(jwt).statusCode(404).contentType("application/problem+json");
        HaloIntegrationApi.save(jwt, body(halo, "", "client-1", FIRST_SECRET)).statusCode(200);
        HaloIntegrationApi.show(jwt).statusCode(200)
                .body("tenant", equalTo(""))
                .body("clientSecret", equalTo("••••••aaaa"))
                .body("connectedAt", org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z"))
                .body("lastWebhookAt", equalTo(null))
                .body("$", not(org.hamcrest.Matchers.hasKey("clientSecretSealed")));
    }

    @Test
    void delete_removesConnectionAndToken_andIsIdempotent() {
        String url = HaloIntegrationApi.save(jwt, body(halo, "acme", "client-1", FIRST_SECRET)).statusCode(200)
                .extract().path("webhookUrl");
        HaloIntegrationApi.delete(jwt).statusCode(204);
        HaloIntegrationApi.delete(jwt).statusCode(204);

        assertThat(table.item("TENANT#" + tenant, "CONFIG")).isEmpty();
        assertThat(table.item("TOKEN#" + CallbackToken.sha256Hex(TestConnections.tokenOf(url)), "TOKEN")).isEmpty();
        HaloIntegrationApi.show(jwt).statusCode(404);
    }

    @Test
    void webhookAuth_isStoredAsHashOnly_andShownAsUsername() {
        Map<String, Object> request = body(halo, "acme", "client-1", FIRST_SECRET);
        String password = "hook-password-" + UUID.randomUUID();
        request.put("webhookAuth", Map.of("username", "halo", "password", password));
        String url = HaloIntegrationApi.save(jwt, request).statusCode(200)
                .body("webhookAuth.username", equalTo("halo"))
                .extract().path("webhookUrl");

        Map<String, AttributeValue> tokenItem = table.item("TOKEN#" + CallbackToken.sha256Hex(TestConnections.tokenOf(url)), "TOKEN").orElseThrow();
        assertThat(tokenItem.get("webhookAuthUsername").s()).isEqualTo("halo");
        assertThat(table.scanAll().toString()).doesNotContain(password);

        request.put("webhookAuth", null);
        HaloIntegrationApi.save(jwt, request).statusCode(200).body("webhookAuth", equalTo(null));
        assertThat(table.item("TOKEN#" + CallbackToken.sha256Hex(TestConnections.tokenOf(url)), "TOKEN").orElseThrow())
                .doesNotContainKey("webhookAuthUsername");
    }

    private Map<String, AttributeValue> connection() {
        return table.item("TENANT#" + tenant, "CONFIG").orElseThrow();
    }
}
