package com.halopsaconnector.integration;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;

import com.halopsaconnector.testsupport.HaloStubs;
import com.halopsaconnector.testsupport.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Calls the config function's routes through the Lambda mock event server, as the platform UI would. */
final class HaloIntegrationApi {

    static final String PATH = "/v1/integrations/halo";

    private HaloIntegrationApi() {
    }

    static Map<String, Object> body(HaloStubs halo, String tenant, String clientId, String secret) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("authUrl", halo.authUrl());
        body.put("resourceUrl", halo.resourceUrl());
        body.put("tenant", tenant);
        body.put("clientId", clientId);
        if (secret != null) {
            body.put("clientSecret", secret);
        }
        return body;
    }

    static ValidatableResponse save(String jwt, Object body) {
        return given().auth().oauth2(jwt).contentType(ContentType.JSON).body(body).when().put(PATH).then();
    }

    static ValidatableResponse test(String jwt, Object body) {
        return given().auth().oauth2(jwt).contentType(ContentType.JSON).body(body).when().post(PATH + "/test").then();
    }

    static ValidatableResponse show(String jwt) {
        return given().auth().oauth2(jwt).when().get(PATH).then();
    }

    static ValidatableResponse rotate(String jwt) {
        return given().auth().oauth2(jwt).when().post(PATH + "/rotate-webhook-url").then();
    }

    static ValidatableResponse delete(String jwt) {
        return given().auth().oauth2(jwt).when().delete(PATH).then();
    }

    static String adminOf(String tenant) {
        return TestTokens.admin(tenant);
    }
}
