package com.halopsaconnector.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.halopsaconnector.integration.TestConnections;
import com.halopsaconnector.testsupport.HaloStubs.Samples;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The deployment with {@code connector.function=config}: the platform UI's routes only. */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
@TestProfile(ConfigDeploymentTest.ConfigFunction.class)
class ConfigDeploymentTest {

    public static class ConfigFunction implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("connector.function", "config");
        }
    }

    @Inject
    Table table;

    @Test
    void webhookRoute_answers404_evenForAValidToken_andStoresNothing() {
        String token = TestConnections.connect("tenant-" + UUID.randomUUID());
        List<Map<String, AttributeValue>> before = table.scanAll();

        given().contentType("application/json").body(Samples.read("webhook-full-object.json"))
                .when().post("/v1/webhooks/halo/" + token).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://halopsa-connector.dev/problems/not-found"));
        // not 405: the route does not exist here at all
        given().when().get("/v1/webhooks/halo/" + token).then().statusCode(404);

        assertThat(table.scanAll()).containsExactlyInAnyOrderElementsOf(before);
    }
}
