package com.halopsaconnector.integration;

import static com.halopsaconnector.integration.HaloIntegrationApi.adminOf;
import static com.halopsaconnector.integration.HaloIntegrationApi.body;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.halopsaconnector.lambdaruntime.HttpApiEvent;
import com.halopsaconnector.testsupport.HaloStubs;
import com.halopsaconnector.testsupport.LambdaEvents;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The callback URL's origin never comes from what the client sends: a forged Host or
 * X-Forwarded-Host / X-Forwarded-Proto would hand Halo's deliveries, callback token included, to
 * another host. It comes from configuration or from the domain name API Gateway itself reports.
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class WebhookUrlOriginTest {

    static final String FORGED = "evil.example";
    static final String API_DOMAIN = "abc123.execute-api.eu-west-1.amazonaws.com";

    @Inject
    ObjectMapper json;

    String tenant;
    String token;

    @BeforeEach
    void connect() {
        tenant = "tenant-" + UUID.randomUUID();
        token = TestConnections.connect(tenant);
    }

    @Test
    void forgedHostAndForwardedHeaders_doNotReachTheUrl() {
        HaloStubs halo = HaloStubs.fromConfig().acceptsAnyClient().servesTickets();
        String url = given().auth().oauth2(adminOf(tenant)).contentType(ContentType.JSON)
                .header("Host", FORGED)
                .header("X-Forwarded-Host", FORGED)
                .header("X-Forwarded-Proto", "gopher")
                .body(body(halo, "acme", "client-1", "a-client-secret-0001"))
                .when().put(HaloIntegrationApi.PATH)
                .then().statusCode(200).extract().path("webhookUrl");

        assertThat(url).doesNotContain(FORGED, "gopher");
        String localBase = ConfigProvider.getConfig().getValue("connector.local-base-url", String.class);
        assertThat(url).isEqualTo(localBase + "/v1/webhooks/halo/" + token);
    }

    @Test
    void throughApiGateway_theUrlIsOnTheDomainApiGatewayNames_whateverTheHeadersSay() throws Exception {
        HttpApiEvent.Response answer = LambdaEvents.invoke(apiGatewayEvent("GET", HaloIntegrationApi.PATH));

        assertThat(answer.statusCode()).isEqualTo(200);
        String url = answer.bodyJson().path("webhookUrl").asText();
        assertThat(url).isEqualTo("https://" + API_DOMAIN + "/v1/webhooks/halo/" + token);
    }

    /** A payload-2.0 event as API Gateway would build it for a request that forged every header it could. */
    private String apiGatewayEvent(String method, String path) throws Exception {
        ObjectNode event = json.createObjectNode()
                .put("version", "2.0")
                .put("routeKey", "$default")
                .put("rawPath", path)
                .put("rawQueryString", "")
                .put("isBase64Encoded", false);
        event.putObject("headers")
                .put("authorization", "Bearer " + adminOf(tenant))
                .put("host", FORGED)
                .put("x-forwarded-host", FORGED)
                .put("x-forwarded-proto", "http");
        ObjectNode context = event.putObject("requestContext")
                .put("apiId", "abc123")
                .put("domainName", API_DOMAIN)
                .put("domainPrefix", "abc123")
                .put("requestId", UUID.randomUUID().toString())
                .put("routeKey", "$default")
                .put("stage", "$default")
                .put("timeEpoch", System.currentTimeMillis());
        context.putObject("http")
                .put("method", method)
                .put("path", path)
                .put("protocol", "HTTP/1.1")
                .put("sourceIp", "203.0.113.10")
                .put("userAgent", "test");
        return json.writeValueAsString(event);
    }
}
