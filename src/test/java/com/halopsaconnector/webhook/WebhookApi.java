package com.halopsaconnector.webhook;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Posts deliveries to the webhook route as Halo does: JSON, optionally with Basic auth. */
final class WebhookApi {

    static final String PATH = "/v1/webhooks/halo/";

    private WebhookApi() {
    }

    static ValidatableResponse deliver(String token, String body) {
        return deliver(given(), token, body);
    }

    static ValidatableResponse deliver(RequestSpecification request, String token, String body) {
        return request.contentType("application/json").body(body).when().post(PATH + token).then();
    }

    static ValidatableResponse deliver(String token, byte[] body) {
        return given().contentType("application/json").body(body).when().post(PATH + token).then();
    }
}
