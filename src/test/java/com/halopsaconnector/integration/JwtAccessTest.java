package com.halopsaconnector.integration;

import static com.halopsaconnector.integration.HaloIntegrationApi.body;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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
import com.halopsaconnector.testsupport.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Who may do what: the tenant comes only from a verified token, writes need the admin role. */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class JwtAccessTest {

    @Inject
    Table table;

    HaloStubs halo;
    String tenantA;
    Map<String, AttributeValue> storedA;

    @BeforeEach
    void tenantAHasAConnection() {
        halo = HaloStubs.fromConfig().acceptsAnyClient().servesTickets();
        tenantA = "tenant-a-" + UUID.randomUUID();
        HaloIntegrationApi.save(TestTokens.admin(tenantA), body(halo, "acme", "client-a", "secret-of-a-123")).statusCode(200);
        storedA = table.item("TENANT#" + tenantA, "CONFIG").orElseThrow();
    }

    @Test
    void noToken_isUnauthenticated() {
        given().when().get(HaloIntegrationApi.PATH).then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                .body("type", endsWith("/unauthenticated"));
        given().contentType(ContentType.JSON).body(body(halo, "acme", "x", "y"))
                .when().put(HaloIntegrationApi.PATH).then().statusCode(401);
    }

    @Test
    void badTokens_areUnauthenticated_forReadsAndWrites() {
        String[] badTokens = {
            TestTokens.expired(tenantA),
            TestTokens.tampered(tenantA, "tenant-b"),
            TestTokens.wrongIssuer(tenantA),
            TestTokens.wrongAudience(tenantA),
            TestTokens.withoutTenant(),
            "not-a-jwt",
        };
        for (String token : badTokens) {
            HaloIntegrationApi.show(token).statusCode(401).body("status", equalTo(401));
            HaloIntegrationApi.save(token, body(halo, "acme", "client-x", "secret-x")).statusCode(401);
            HaloIntegrationApi.rotate(token).statusCode(401);
            HaloIntegrationApi.delete(token).statusCode(401);
        }
        assertThat(table.item("TENANT#" + tenantA, "CONFIG").orElseThrow()).isEqualTo(storedA);
    }

    @Test
    void readerRole_mayReadButNotWrite() {
        String reader = TestTokens.reader(tenantA);
        HaloIntegrationApi.show(reader).statusCode(200).body("clientId", equalTo("client-a"));
        HaloIntegrationApi.save(reader, body(halo, "acme", "client-x", "secret-x")).statusCode(403)
                .contentType("application/problem+json").body("type", endsWith("/forbidden"));
        HaloIntegrationApi.test(reader, body(halo, "acme", "client-x", "secret-x")).statusCode(403);
        HaloIntegrationApi.rotate(reader).statusCode(403);
        HaloIntegrationApi.delete(reader).statusCode(403);
        assertThat(table.item("TENANT#" + tenantA, "CONFIG").orElseThrow()).isEqualTo(storedA);
    }

    @Test
    void otherTenant_cannotSeeOrChangeTenantAsConnection() {
        String adminB = TestTokens.admin("tenant-b-" + UUID.randomUUID());
        HaloIntegrationApi.show(adminB).statusCode(404);
        HaloIntegrationApi.rotate(adminB).statusCode(404);
        HaloIntegrationApi.delete(adminB).statusCode(204);
        assertThat(table.item("TENANT#" + tenantA, "CONFIG").orElseThrow()).isEqualTo(storedA);
    }

    @Test
    void tenantInTheBodyOrHeaders_isNotTheTenant() {
        String tenantB = "tenant-b-" + UUID.randomUUID();
        Map<String, Object> request = body(halo, tenantA, "client-b", "secret-of-b-123");
        request.put("tenant_id", tenantA);
        given().auth().oauth2(TestTokens.admin(tenantB)).header("X-Tenant-Id", tenantA)
                .contentType(ContentType.JSON).body(request)
                .when().put(HaloIntegrationApi.PATH).then().statusCode(200);
        assertThat(table.item("TENANT#" + tenantA, "CONFIG").orElseThrow()).isEqualTo(storedA);
        assertThat(table.item("TENANT#" + tenantB, "CONFIG").orElseThrow().get("clientId").s()).isEqualTo("client-b");
    }
}
