package com.halopsaconnector.integration;

import static com.halopsaconnector.integration.HaloIntegrationApi.adminOf;
import static com.halopsaconnector.integration.HaloIntegrationApi.body;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.util.LinkedHashMap;
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
import io.restassured.http.ContentType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class InputValidationTest {

    @Inject
    Table table;

    HaloStubs halo;
    String tenant;
    Map<String, AttributeValue> storedBefore;

    @BeforeEach
    void saveAWorkingConnection() {
        halo = HaloStubs.fromConfig().acceptsAnyClient().servesTickets();
        tenant = "tenant-" + UUID.randomUUID();
        HaloIntegrationApi.save(adminOf(tenant), body(halo, "acme", "client-1", "the-secret-1234")).statusCode(200);
        storedBefore = table.item("TENANT#" + tenant, "CONFIG").orElseThrow();
    }

    @Test
    void everyBadField_isNamed_andTheStoredConnectionIsKept() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("authUrl", "   ");
        body.put("resourceUrl", 42);
        body.put("tenant", "x".repeat(513));
        body.put("clientSecret", "s".repeat(513));
        body.put("scope", true);
        body.put("webhookAuth", Map.of("username", "a:b"));

        HaloIntegrationApi.save(adminOf(tenant), body).statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/invalid-input"))
                .body("status", equalTo(400))
                .body("errors.field", containsInAnyOrder("authUrl", "resourceUrl", "tenant", "clientId",
                        "clientSecret", "scope", "webhookAuth.password", "webhookAuth.username"));
        assertThat(table.item("TENANT#" + tenant, "CONFIG").orElseThrow()).isEqualTo(storedBefore);
    }

    @Test
    void urlLongerThan2048_isRefused() {
        Map<String, Object> body = body(halo, "acme", "client-1", "secret");
        body.put("resourceUrl", "https://acme.halopsa.com/" + "a".repeat(2048));
        HaloIntegrationApi.save(adminOf(tenant), body).statusCode(400).body("errors[0].field", equalTo("resourceUrl"));
    }

    @Test
    void valuesAreTrimmed() {
        Map<String, Object> body = body(halo, "  acme  ", "  client-9  ", null);
        body.put("authUrl", "  " + halo.authUrl() + "  ");
        HaloIntegrationApi.save(adminOf(tenant), body).statusCode(200)
                .body("tenant", equalTo("acme"))
                .body("clientId", equalTo("client-9"))
                .body("authUrl", equalTo(halo.authUrl()));
    }

    @Test
    void bodyThatIsNotAJsonObject_isInvalid() {
        for (String raw : new String[] {"not json", "[1,2]", "\"a string\"", ""}) {
            given().auth().oauth2(adminOf(tenant)).contentType(ContentType.JSON).body(raw)
                    .when().put(HaloIntegrationApi.PATH)
                    .then().statusCode(400).body("errors[0].field", equalTo("body"));
        }
        assertThat(table.item("TENANT#" + tenant, "CONFIG").orElseThrow()).isEqualTo(storedBefore);
    }
}
