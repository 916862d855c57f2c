package com.halopsaconnector.integration;

import java.util.Map;

import com.halopsaconnector.testsupport.HaloStubs;

/**
 * Creates, rotates and removes a tenant's Halo connection through the config API, for tests of
 * other packages. Returns callback tokens, taken from the webhook URL the API shows.
 */
public final class TestConnections {

    private TestConnections() {
    }

    public static String connect(String tenant) {
        return tokenOf(HaloIntegrationApi.save(HaloIntegrationApi.adminOf(tenant), saveBody(null))
                .statusCode(200).extract().path("webhookUrl"));
    }

    public static String connectWithWebhookAuth(String tenant, String username, String password) {
        Map<String, Object> body = saveBody(Map.of("username", username, "password", password));
        return tokenOf(HaloIntegrationApi.save(HaloIntegrationApi.adminOf(tenant), body)
                .statusCode(200).extract().path("webhookUrl"));
    }

    public static String rotate(String tenant) {
        return tokenOf(HaloIntegrationApi.rotate(HaloIntegrationApi.adminOf(tenant)).statusCode(200)
                .extract().path("webhookUrl"));
    }

    public static void disconnect(String tenant) {
        HaloIntegrationApi.delete(HaloIntegrationApi.adminOf(tenant)).statusCode(204);
    }

    private static Map<String, Object> saveBody(Map<String, String> webhookAuth) {
        HaloStubs halo = HaloStubs.fromConfig().acceptsAnyClient().servesTickets();
        Map<String, Object> body = HaloIntegrationApi.body(halo, "acme", "client-1", "a-client-secret-0001");
        if (webhookAuth != null) {
            body.put("webhookAuth", webhookAuth);
        }
        return body;
    }

    /** The callback token: the last path segment of a webhook URL. */
    public static String tokenOf(String webhookUrl) {
        return webhookUrl.substring(webhookUrl.lastIndexOf('/') + 1);
    }
}
