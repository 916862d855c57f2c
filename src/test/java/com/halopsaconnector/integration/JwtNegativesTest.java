package com.halopsaconnector.integration;

import static com.halopsaconnector.integration.HaloIntegrationApi.body;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.security.KeyPairGenerator;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.halopsaconnector.lambdaruntime.HttpApiEvent;
import com.halopsaconnector.testsupport.HaloStubs;
import com.halopsaconnector.testsupport.JwtKeys;
import com.halopsaconnector.testsupport.LambdaEvents;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TestEnvironment;
import com.halopsaconnector.testsupport.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reliability figure 3: forged and odd platform JWTs, beside the ones {@link JwtAccessTest} covers.
 * SPEC: a missing or invalid token is 401; a valid token of the tenant may read; writes need
 * {@code integrations-admin} in {@code groups}, so a valid token without it is 403 on every write.
 * The key source here is the PEM file; {@link JwtJwksNegativesTest} repeats the key cases with a JWKS.
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class JwtNegativesTest {

    @Inject
    Table table;

    @Inject
    ObjectMapper json;

    HaloStubs halo;
    String tenant;
    Map<String, AttributeValue> stored;

    @BeforeEach
    void tenantHasAConnection() {
        halo = HaloStubs.fromConfig().acceptsAnyClient().servesTickets();
        tenant = "tenant-jwt-" + UUID.randomUUID();
        HaloIntegrationApi.save(TestTokens.admin(tenant), body(halo, "acme", "client-a", "secret-of-a-123")).statusCode(200);
        stored = table.item("TENANT#" + tenant, "CONFIG").orElseThrow();
    }

    @Test
    void algNone_isUnauthenticated() {
        refusedEverywhere(TestTokens.algNone(tenant), 401);
    }

    @Test
    void hs256SignedWithThePublicKeyAsSecret_isUnauthenticated() {
        refusedEverywhere(TestTokens.hs256WithPublicKey(tenant, true), 401);
        refusedEverywhere(TestTokens.hs256WithPublicKey(tenant, false), 401);
    }

    @Test
    void unknownKeyId_signedWithAnotherKey_isUnauthenticated() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        refusedEverywhere(TestTokens.unknownKeyId(tenant, generator.generateKeyPair().getPrivate()), 401);
    }

    /**
     * The PEM source is one key without an id, so a {@code kid} names nothing to look up: a token
     * signed with that key is genuine whatever its {@code kid} says. Pinned here so a change is seen.
     */
    @Test
    void unknownKeyId_signedWithThePlatformKey_isAcceptedWithAPemKeySource() {
        HaloIntegrationApi.show(TestTokens.unknownKeyId(tenant, JwtKeys.privateKey())).statusCode(200)
                .body("clientId", equalTo("client-a"));
    }

    @Test
    void tokenWithoutGroups_mayRead_butEveryWriteIsForbidden() {
        String noGroups = TestTokens.withoutGroups(tenant);
        HaloIntegrationApi.show(noGroups).statusCode(200).body("clientId", equalTo("client-a"));
        for (ValidatableResponse write : writes(noGroups)) {
            write.statusCode(403).contentType("application/problem+json").body("type", endsWith("/forbidden"));
        }
        assertThat(table.item("TENANT#" + tenant, "CONFIG").orElseThrow()).isEqualTo(stored);
    }

    @Test
    void blankTenantClaim_isUnauthenticated() {
        refusedEverywhere(TestTokens.adminWithTenantClaim(""), 401);
        refusedEverywhere(TestTokens.adminWithTenantClaim("   "), 401);
        assertThat(table.item("TENANT#", "CONFIG")).isEmpty();
        assertThat(table.item("TENANT#   ", "CONFIG")).isEmpty();
    }

    /**
     * A 10 KiB claim makes a header of about 14 KB. Deployed, API Gateway refuses it before the
     * function runs (it allows 10,240 bytes of request line and headers in all; not testable here).
     * Behind a gateway with larger limits the function itself must refuse it: the request goes in as
     * the payload-2.0 event Lambda would hand over, so no HTTP server's header limit decides (over a
     * socket, whether the client saw the server's 431 or a broken pipe was a race).
     */
    @Test
    void tenantClaimOf10KiB_isRefusedByTheFunction_andNothingIsStored() throws Exception {
        String huge = "t".repeat(10 * 1024);
        String token = TestTokens.adminWithTenantClaim(huge);
        String saveBody = json.writeValueAsString(body(halo, "acme", "client-x", "secret-x-123456"));
        for (HttpApiEvent request : new HttpApiEvent[] {
            HttpApiEvent.of("GET", HaloIntegrationApi.PATH).bearer(token),
            HttpApiEvent.of("PUT", HaloIntegrationApi.PATH).bearer(token).json(saveBody),
            HttpApiEvent.of("DELETE", HaloIntegrationApi.PATH).bearer(token),
        }) {
            HttpApiEvent.Response answer = LambdaEvents.invoke(request);
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().get("content-type")).startsWith("application/problem+json");
        }
        assertThat(table.itemsOf("TENANT#" + huge)).isEmpty();
        assertThat(table.item("TENANT#" + tenant, "CONFIG").orElseThrow()).isEqualTo(stored);
    }

    @Test
    void tenantClaimOver256Characters_isUnauthenticated_andNothingIsStored() {
        for (int length : new int[] {257, 2048}) {
            String tooLong = "t".repeat(length);
            refusedEverywhere(TestTokens.adminWithTenantClaim(tooLong), 401);
            assertThat(table.itemsOf("TENANT#" + tooLong)).isEmpty();
        }
    }

    /** Read and every write refused with {@code status}; the tenant's connection untouched. */
    private void refusedEverywhere(String token, int status) {
        HaloIntegrationApi.show(token).statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
        for (ValidatableResponse write : writes(token)) {
            write.statusCode(status).contentType("application/problem+json");
        }
        assertThat(table.item("TENANT#" + tenant, "CONFIG").orElseThrow()).isEqualTo(stored);
    }

    private ValidatableResponse[] writes(String token) {
        return new ValidatableResponse[] {
            HaloIntegrationApi.save(token, body(halo, "acme", "client-x", "secret-x-123456")),
            HaloIntegrationApi.test(token, body(halo, "acme", "client-x", "secret-x-123456")),
            HaloIntegrationApi.rotate(token),
            given().auth().oauth2(token).when().post(HaloIntegrationApi.PATH + "/sync").then(),
            HaloIntegrationApi.delete(token),
        };
    }
}
