package com.halopsaconnector.integration;

import static com.halopsaconnector.integration.HaloIntegrationApi.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.halopsaconnector.testsupport.HaloStubs;
import com.halopsaconnector.testsupport.TestEnvironment;
import com.halopsaconnector.testsupport.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A full save / test / rotate / failed save / delete cycle, then a read of every log line the
 * application wrote (the test profile logs our code at DEBUG to target/quarkus-test.log).
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class SecretsInLogsTest {

    static final Path LOG = Path.of("target", "quarkus-test.log");

    @Test
    void noLogLineContainsTheSecretTheCallbackTokenOrTheBearerToken() throws Exception {
        HaloStubs halo = HaloStubs.fromConfig().acceptsAnyClient().servesTickets();
        String tenant = "tenant-" + UUID.randomUUID();
        String jwt = TestTokens.admin(tenant);
        String secret = "log-secret-" + UUID.randomUUID();
        String hookPassword = "hook-password-" + UUID.randomUUID();
        long logSizeBefore = Files.exists(LOG) ? Files.size(LOG) : 0;

        Map<String, Object> request = body(halo, "acme", "client-1", secret);
        request.put("webhookAuth", Map.of("username", "halo", "password", hookPassword));
        String firstUrl = HaloIntegrationApi.save(jwt, request).statusCode(200).extract().path("webhookUrl");
        HaloIntegrationApi.test(jwt, request).statusCode(200);
        String secondUrl = HaloIntegrationApi.rotate(jwt).statusCode(200).extract().path("webhookUrl");
        HaloIntegrationApi.show(jwt).statusCode(200);
        halo.rejectsClient();
        HaloIntegrationApi.save(jwt, request).statusCode(422);
        HaloIntegrationApi.delete(jwt).statusCode(204);

        String written = Files.readString(LOG).substring((int) logSizeBefore);
        assertThat(written).contains(tenant);
        assertThat(written)
                .doesNotContain(secret)
                .doesNotContain(hookPassword)
                .doesNotContain(TestConnections.tokenOf(firstUrl))
                .doesNotContain(TestConnections.tokenOf(secondUrl))
                .doesNotContain(jwt)
                .doesNotContain(jwt.split("\\.")[2]);
    }

    @Test
    void everyCallThatCarriesCredentials_logsItsTargetHost_andTheAddressConnectedTo() throws Exception {
        HaloStubs halo = HaloStubs.fromConfig().acceptsAnyClient().servesTickets();
        String tenant = "tenant-" + UUID.randomUUID();
        String secret = "log-secret-" + UUID.randomUUID();
        long logSizeBefore = Files.exists(LOG) ? Files.size(LOG) : 0;

        HaloIntegrationApi.test(TestTokens.admin(tenant), body(halo, "acme", "client-1", secret)).statusCode(200);

        String written = Files.readString(LOG).substring((int) logSizeBefore);
        String host = URI.create(halo.authUrl()).getAuthority();
        assertThat(written)
                .contains("Halo request: POST http://" + host + "/auth/token to 127.0.0.1")
                .contains("Halo request: GET http://" + host + "/api/Tickets to 127.0.0.1")
                .doesNotContain(secret)
                .doesNotContain("eyJhbGciOi...redacted");
    }
}
