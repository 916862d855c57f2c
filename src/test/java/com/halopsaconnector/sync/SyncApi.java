package com.halopsaconnector.sync;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.halopsaconnector.standin.StandInCredentials;
import com.halopsaconnector.testsupport.FakeHalo;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The config API's save, sync and view calls for one tenant against a {@link FakeHalo}, and what the table holds. */
final class SyncApi {

    static final String PATH = "/v1/integrations/halo";
    /** What {@link #body} sends; a stand-in Halo started with these accepts it. */
    static final StandInCredentials CREDENTIALS = new StandInCredentials("acme", "client-1", "a-client-secret-0001");

    private SyncApi() {
    }

    static Map<String, Object> body(FakeHalo halo) {
        return body(halo.authUrl(), halo.resourceUrl());
    }

    /** Save's body for the Halo at these URLs, with the credentials every test Halo accepts. */
    static Map<String, Object> body(String authUrl, String resourceUrl) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("authUrl", authUrl);
        body.put("resourceUrl", resourceUrl);
        body.put("tenant", CREDENTIALS.tenant());
        body.put("clientId", CREDENTIALS.clientId());
        body.put("clientSecret", CREDENTIALS.clientSecret());
        return body;
    }

    static ValidatableResponse save(String tenant, Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.admin(tenant)).contentType(ContentType.JSON).body(body)
                .when().put(PATH).then();
    }

    static ValidatableResponse save(String tenant, FakeHalo halo) {
        return save(tenant, body(halo));
    }

    static ValidatableResponse sync(String tenant) {
        return given().auth().oauth2(TestTokens.admin(tenant)).when().post(PATH + "/sync").then();
    }

    static ValidatableResponse test(String tenant, FakeHalo halo) {
        return given().auth().oauth2(TestTokens.admin(tenant)).contentType(ContentType.JSON).body(body(halo))
                .when().post(PATH + "/test").then();
    }

    /**
     * An event-only "Tickets Changed" delivery (a new event id, no ticket data) naming {@code ticketId}:
     * what marks a stored ticket stale.
     */
    static ValidatableResponse deliverEventOnly(String callbackToken, int ticketId) {
        return given().contentType("application/json")
                .body("{\"id\":\"%s\",\"event\":\"Tickets Changed\",\"object_id\":%d,\"timestamp\":\"2026-11-29T09:00:00Z\"}"
                        .formatted(UUID.randomUUID(), ticketId))
                .when().post("/v1/webhooks/halo/" + callbackToken).then();
    }

    static ValidatableResponse show(String tenant) {
        return given().auth().oauth2(TestTokens.reader(tenant)).when().get(PATH).then();
    }

    static void disconnect(String tenant) {
        given().auth().oauth2(TestTokens.admin(tenant)).when().delete(PATH).then().statusCode(204);
    }

    /**
     * Finishes the sync under way (after a save: the first sync), running {@code POST /sync} until it
     * reports itself complete, at most {@code maxRuns} times; none when Save's own sync completed it.
     */
    static void syncUntilComplete(String tenant, int maxRuns) {
        if (Boolean.TRUE.equals(show(tenant).statusCode(200).extract().path("sync.complete"))) {
            return;
        }
        for (int run = 0; run < maxRuns; run++) {
            if (Boolean.TRUE.equals(sync(tenant).statusCode(200).extract().path("complete"))) {
                return;
            }
        }
        throw new AssertionError("sync not complete after " + maxRuns + " runs");
    }

    static List<Map<String, AttributeValue>> tickets(Table table, String tenant) {
        return table.itemsOf("TENANT#" + tenant).stream().filter(item -> item.get("sk").s().startsWith("TICKET#")).toList();
    }

    static Map<String, AttributeValue> ticket(Table table, String tenant, int id) {
        return table.item("TENANT#" + tenant, "TICKET#" + id).orElseThrow(() -> new AssertionError("no ticket " + id));
    }
}
