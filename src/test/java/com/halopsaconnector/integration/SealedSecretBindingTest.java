package com.halopsaconnector.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.halopsaconnector.integration.HaloIntegrationApi.adminOf;
import static com.halopsaconnector.integration.HaloIntegrationApi.body;
import static org.assertj.core.api.Assertions.assertThat;
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
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Someone who can write the table moves sealed values around: each opens only as the tenant's
 * secret it was sealed for, so the move fails with a clear problem and reveals nothing.
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class SealedSecretBindingTest {

    static final String UNREADABLE = "https://halopsa-connector.dev/problems/stored-secret-unreadable";

    @Inject
    Table table;

    @Inject
    DynamoDbClient dynamo;

    HaloStubs halo;
    String tenant;
    String secret;

    @BeforeEach
    void setUp() {
        halo = HaloStubs.fromConfig().acceptsAnyClient().servesTickets();
        tenant = "tenant-" + UUID.randomUUID();
        secret = "client-secret-" + UUID.randomUUID();
        HaloIntegrationApi.save(adminOf(tenant), body(halo, "acme", "client-1", secret)).statusCode(200);
    }

    @Test
    void clientSecretCopiedOverTheCallbackToken_isNeverShownAsTheWebhookUrl() {
        copyAttribute(tenant, "clientSecretSealed", tenant, "callbackTokenSealed");

        String answer = HaloIntegrationApi.show(adminOf(tenant)).statusCode(500)
                .contentType("application/problem+json")
                .body("type", equalTo(UNREADABLE))
                .extract().asString();

        assertThat(answer).doesNotContain(secret).doesNotContain("webhookUrl");
    }

    @Test
    void haloTokenCopiedOverTheClientSecret_isNeverSentToHalo() {
        copyAttribute(tenant, "haloTokenSealed", tenant, "clientSecretSealed");
        halo.wireMock().resetRequests();

        HaloIntegrationApi.test(adminOf(tenant), body(halo, "acme", "client-1", null)).statusCode(500)
                .body("type", equalTo(UNREADABLE));

        halo.wireMock().verifyThat(0, postRequestedFor(urlPathEqualTo("/auth/token")));
    }

    @Test
    void anotherTenantsSealedSecret_doesNotOpen() {
        String other = "tenant-" + UUID.randomUUID();
        HaloIntegrationApi.save(adminOf(other), body(halo, "acme", "client-1", "other-secret-" + UUID.randomUUID()))
                .statusCode(200);
        copyAttribute(other, "clientSecretSealed", tenant, "clientSecretSealed");
        halo.wireMock().resetRequests();

        HaloIntegrationApi.test(adminOf(tenant), body(halo, "acme", "client-1", null)).statusCode(500)
                .body("type", equalTo(UNREADABLE));

        halo.wireMock().verifyThat(0, postRequestedFor(urlPathEqualTo("/auth/token")).withRequestBody(containing("secret")));
    }

    @Test
    void theConnectionCanBeRemovedAndSavedAgain_afterATamperedValue() {
        copyAttribute(tenant, "clientSecretSealed", tenant, "callbackTokenSealed");

        HaloIntegrationApi.delete(adminOf(tenant)).statusCode(204);
        HaloIntegrationApi.save(adminOf(tenant), body(halo, "acme", "client-1", secret)).statusCode(200);
        HaloIntegrationApi.show(adminOf(tenant)).statusCode(200);
    }

    private void copyAttribute(String fromTenant, String fromAttribute, String toTenant, String toAttribute) {
        AttributeValue value = table.item("TENANT#" + fromTenant, "CONFIG").orElseThrow().get(fromAttribute);
        assertThat(value).as(fromAttribute).isNotNull();
        dynamo.updateItem(r -> r.tableName(table.name())
                .key(Map.of("pk", AttributeValue.fromS("TENANT#" + toTenant), "sk", AttributeValue.fromS("CONFIG")))
                .updateExpression("SET #to = :value")
                .expressionAttributeNames(Map.of("#to", toAttribute))
                .expressionAttributeValues(Map.of(":value", value)));
    }
}
