package com.halopsaconnector.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;

import com.halopsaconnector.domain.CallbackToken;
import com.halopsaconnector.halo.HaloApiClients;
import com.halopsaconnector.halo.HaloCallExecutor;
import com.halopsaconnector.halo.HaloUrlGuard;
import com.halopsaconnector.store.sealing.SecretSealer;
import com.halopsaconnector.testsupport.HaloStubs.Samples;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TestEnvironment;
import com.halopsaconnector.testsupport.TestTokens;
import com.halopsaconnector.webhook.DeliveryRecorder;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableBean;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kms.KmsClient;

/** The deployment with {@code connector.function=webhook}: Halo's route only. */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
@TestProfile(WebhookDeploymentTest.WebhookFunction.class)
class WebhookDeploymentTest {

    public static class WebhookFunction implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("connector.function", "webhook");
        }
    }

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    @Test
    void configRoutes_answer404() {
        String admin = TestTokens.admin("tenant-" + UUID.randomUUID());
        given().auth().oauth2(admin).when().get("/v1/integrations/halo").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://halopsa-connector.dev/problems/not-found"));
        given().auth().oauth2(admin).contentType("application/json").body("{}")
                .when().put("/v1/integrations/halo").then().statusCode(404);
        given().auth().oauth2(admin).when().post("/v1/integrations/halo/rotate-webhook-url").then().statusCode(404);
    }

    @Test
    void webhookRoute_storesDeliveries() {
        String tenant = connectAndDeliverTheSample();

        assertThat(table.item("TENANT#" + tenant, "EVENT#5f0c7a3e-2b9d-4c41-9a57-0d6f3b1e8c22")).isPresent();
        assertThat(table.item("TENANT#" + tenant, "TICKET#4242")).isPresent();
    }

    /**
     * Cold start: after start-up and a delivery, no KMS client, no Halo REST client machinery and nothing
     * of the sync exists. Looks at the instances the application-scoped and singleton contexts hold, which
     * is what ArC has actually created (a bean that is merely injected somewhere is a client proxy and has
     * no instance there).
     */
    @Test
    void afterADelivery_noKmsHaloOrSyncInstanceExists() {
        connectAndDeliverTheSample();

        Set<InjectableBean<?>> created = createdBeans();
        // The check sees real instances: the delivery's own beans are there.
        assertThat(beanClasses(created)).contains(DeliveryRecorder.class.getName());
        assertThat(created).anyMatch(bean -> bean.getTypes().contains(DynamoDbClient.class));

        assertThat(created).noneMatch(bean -> bean.getTypes().contains(KmsClient.class));
        assertThat(beanClasses(created)).doesNotContainAnyElementsOf(List.of(SecretSealer.class.getName(),
                HaloApiClients.class.getName(), HaloCallExecutor.class.getName(), HaloUrlGuard.class.getName()));
        assertThat(beanClasses(created)).noneMatch(name -> name.startsWith("com.halopsaconnector.sync."));
    }

    /** The config function is absent here, so the connection is written as it would have saved it. */
    private String connectAndDeliverTheSample() {
        String tenant = "tenant-" + UUID.randomUUID();
        CallbackToken token = CallbackToken.generate();
        put(Map.of("pk", s("TENANT#" + tenant), "sk", s("CONFIG"), "status", s("connected")));
        put(Map.of("pk", s("TOKEN#" + token.sha256Hex()), "sk", s("TOKEN"), "tenant", s(tenant)));

        given().contentType("application/json").body(Samples.read("webhook-full-object.json"))
                .when().post("/v1/webhooks/halo/" + token.value()).then()
                .statusCode(200).body("received", equalTo(1)).body("duplicates", equalTo(0));
        return tenant;
    }

    private static Set<InjectableBean<?>> createdBeans() {
        return Stream.of(ApplicationScoped.class, Singleton.class)
                .flatMap(scope -> Arc.container().getActiveContext(scope).getState().getContextualInstances().keySet().stream())
                .collect(Collectors.toSet());
    }

    private static Set<String> beanClasses(Set<InjectableBean<?>> beans) {
        return beans.stream().map(bean -> bean.getBeanClass().getName()).collect(Collectors.toSet());
    }

    private void put(Map<String, AttributeValue> item) {
        dynamo.putItem(r -> r.tableName(table.name()).item(item));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
