package com.halopsaconnector.webhook;

import static com.halopsaconnector.webhook.WebhookTestData.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.halopsaconnector.domain.CallbackToken;
import com.halopsaconnector.domain.WebhookEvent;
import com.halopsaconnector.integration.TestConnections;
import com.halopsaconnector.testsupport.HaloStubs.Samples;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class WebhookRefusalTest {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEMS = "https://halopsa-connector.dev/problems/";

    @Inject
    Table table;

    @Inject
    DeliveryRecorder recorder;

    @Inject
    DeliveryParser parser;

    @Test
    void unknownRotatedAndDisconnectedTokens_getIdentical404s_andWriteNothing() {
        String unknown = CallbackToken.generate().value();
        String rotatingTenant = newTenant();
        String rotatedAway = TestConnections.connect(rotatingTenant);
        String current = TestConnections.rotate(rotatingTenant);
        String disconnectedTenant = newTenant();
        String disconnected = TestConnections.connect(disconnectedTenant);
        TestConnections.disconnect(disconnectedTenant);
        List<Map<String, AttributeValue>> before = table.scanAll();

        String delivery = Samples.read("webhook-full-object.json");
        String unknownAnswer = WebhookApi.deliver(unknown, delivery).statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "not-found")).extract().asString();
        String rotatedAnswer = WebhookApi.deliver(rotatedAway, delivery).statusCode(404).extract().asString();
        String disconnectedAnswer = WebhookApi.deliver(disconnected, delivery).statusCode(404).extract().asString();
        String noSuchRoute = given().when().post("/v1/webhooks/nothing-here").then().statusCode(404).extract().asString();

        assertThat(List.of(rotatedAnswer, disconnectedAnswer, noSuchRoute)).containsOnly(unknownAnswer);
        assertThat(table.scanAll()).containsExactlyInAnyOrderElementsOf(before);
        // the URL that replaced the rotated one works
        WebhookApi.deliver(current, delivery).statusCode(200);
    }

    @Test
    void deliveryForATenantDisconnectedWhileItIsStored_isRefusedAndWritesNothing() {
        String neverConnected = newTenant();
        List<WebhookEvent> events = parser.parse(Samples.read("webhook-full-object.json").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> recorder.record(neverConnected, 1, events))
                .isInstanceOf(UnknownCallbackTokenException.class);
        assertThat(table.itemsOf("TENANT#" + neverConnected)).isEmpty();
    }

    @Test
    void bodyOneByteOverTheLimit_is413_andExactlyTheLimit_isStored() {
        String tenant = newTenant();
        String token = TestConnections.connect(tenant);
        String prefix = "{\"id\":\"" + newEventId() + "\",\"object_id\":99,\"pad\":\"";
        String suffix = "\"}";
        String exact = prefix + "x".repeat(DeliveryParser.MAX_BODY_BYTES - prefix.length() - suffix.length()) + suffix;
        byte[] exactBytes = exact.getBytes(StandardCharsets.UTF_8);
        assertThat(exactBytes).hasSize(262_144);
        byte[] oneMore = (exact + "\n").getBytes(StandardCharsets.UTF_8);

        WebhookApi.deliver(token, oneMore).statusCode(413).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "payload-too-large"));
        assertThat(eventItems(table, tenant)).isEmpty();

        WebhookApi.deliver(token, exactBytes).statusCode(200).body("received", equalTo(1));
        assertThat(eventItems(table, tenant)).hasSize(1);
    }

    @Test
    void batchOfMoreThan500Events_is413AskingForASmallerBatchSize_andWritesNothing() {
        String tenant = newTenant();
        String token = TestConnections.connect(tenant);
        List<String> events = new ArrayList<>();
        for (int i = 0; i <= DeliveryParser.MAX_EVENTS; i++) {
            events.add(eventOnly(newEventId(), 6000 + i, "2026-11-28T05:00:00Z"));
        }

        WebhookApi.deliver(token, batch(events)).statusCode(413).contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "payload-too-large"))
                .body("detail", containsString("at most 500 events"))
                .body("detail", containsString("batch size"))
                .body("errors[0].field", equalTo("body"));
        assertThat(table.itemsOf("TENANT#" + tenant)).extracting(item -> item.get("sk").s()).containsExactly("CONFIG");
    }

    @Test
    void numberTooLargeToRead_is400NamingTheBody_andWritesNothing() {
        String tenant = newTenant();
        String token = TestConnections.connect(tenant);

        WebhookApi.deliver(token, "{\"id\":\"" + newEventId() + "\",\"object_id\":1e2147483648}").statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(PROBLEMS + "invalid-input"))
                .body("errors[0].field", equalTo("body"));
        assertThat(webhooksReceived(table, tenant)).isZero();
    }

    @Test
    void bodyThatIsNotJsonOrNotObjects_is400_andWritesNothing() {
        String tenant = newTenant();
        String token = TestConnections.connect(tenant);

        for (String body : List.of("not json", "\"a string\"", "[1,2]")) {
            WebhookApi.deliver(token, body).statusCode(400).contentType(PROBLEM_JSON)
                    .body("type", equalTo(PROBLEMS + "invalid-input"))
                    .body("errors[0].field", equalTo("body"));
        }
        assertThat(table.itemsOf("TENANT#" + tenant)).extracting(item -> item.get("sk").s()).containsExactly("CONFIG");
        assertThat(webhooksReceived(table, tenant)).isZero();
    }

    @Test
    void everyMethodButPost_is405WithProblemAndAllowHeader() {
        String token = TestConnections.connect(newTenant());

        for (String method : List.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS")) {
            given().when().request(method, WebhookApi.PATH + token).then().statusCode(405)
                    .contentType(PROBLEM_JSON).header("Allow", "POST")
                    .body("type", equalTo(PROBLEMS + "method-not-allowed"));
        }
        given().when().head(WebhookApi.PATH + token).then().statusCode(405)
                .contentType(PROBLEM_JSON).header("Allow", "POST").body(emptyString());
    }

    @Test
    void webhookWithBasicAuth_refusesMissingOrWrongCredentials_andAcceptsTheRightOnes() {
        String tenant = newTenant();
        String token = TestConnections.connectWithWebhookAuth(tenant, "halo", "hook-pass-1");
        String delivery = Samples.read("webhook-full-object.json");

        WebhookApi.deliver(token, delivery).statusCode(401).contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", "Basic realm=\"halo-webhook\"")
                .body("type", equalTo(PROBLEMS + "webhook-unauthenticated"));
        WebhookApi.deliver(given().auth().preemptive().basic("halo", "wrong"), token, delivery).statusCode(401)
                .header("WWW-Authenticate", "Basic realm=\"halo-webhook\"");
        WebhookApi.deliver(given().auth().preemptive().basic("other", "hook-pass-1"), token, delivery).statusCode(401);
        WebhookApi.deliver(given().auth().oauth2("hook-pass-1"), token, delivery).statusCode(401);
        // credentials are checked before the body is even read
        WebhookApi.deliver(given().auth().preemptive().basic("halo", "wrong"), token, "not json").statusCode(401);
        assertThat(eventItems(table, tenant)).isEmpty();

        WebhookApi.deliver(given().auth().preemptive().basic("halo", "hook-pass-1"), token, delivery)
                .statusCode(200).body("received", equalTo(1));
        assertThat(eventItems(table, tenant)).hasSize(1);
    }

    @Test
    void webhookWithoutBasicAuth_ignoresAnAuthorizationHeader() {
        String token = TestConnections.connect(newTenant());

        WebhookApi.deliver(given().auth().preemptive().basic("any", "thing"), token,
                Samples.read("webhook-event-only.json")).statusCode(200);
    }
}
