package com.halopsaconnector.testsupport;

import static io.restassured.RestAssured.given;

import com.halopsaconnector.lambdaruntime.HttpApiEvent;

/**
 * Invokes the function under test with a raw Lambda event, through the mock event server's
 * invocation endpoint: the event reaches the function as Lambda hands it over, without an HTTP
 * request of its own (so no HTTP server limit or header rewriting comes in between).
 */
public final class LambdaEvents {

    static final String INVOKE = "/_lambda_";

    private LambdaEvents() {
    }

    public static HttpApiEvent.Response invoke(HttpApiEvent event) {
        return invoke(event.toJson());
    }

    /** @return the function's answer, which for an HTTP API event is the payload-2.0 response */
    public static HttpApiEvent.Response invoke(String eventJson) {
        String answer = given().contentType("application/json").body(eventJson).when().post(INVOKE)
                .then().statusCode(200).extract().asString();
        return HttpApiEvent.Response.parse(answer);
    }
}
