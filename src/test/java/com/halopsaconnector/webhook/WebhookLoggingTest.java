package com.halopsaconnector.webhook;

import static com.halopsaconnector.webhook.WebhookTestData.newTenant;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.halopsaconnector.domain.CallbackToken;
import com.halopsaconnector.integration.TestConnections;
import com.halopsaconnector.testsupport.HaloStubs.Samples;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class WebhookLoggingTest {

    static final Path LOG = Path.of("target/quarkus-test.log");

    @Test
    void deliveries_logTheTokenHashPrefix_neverTheTokenOrItsPath() throws IOException {
        String tenant = newTenant();
        String token = TestConnections.connect(tenant);
        String unknown = CallbackToken.generate().value();

        WebhookApi.deliver(token, Samples.read("webhook-event-only.json")).statusCode(200);
        WebhookApi.deliver(token, "not json").statusCode(400);
        WebhookApi.deliver(unknown, Samples.read("webhook-event-only.json")).statusCode(404);

        String log = Files.readString(LOG);
        assertThat(log).contains("Webhook delivery stored").contains(tenant)
                .contains("unknown callback token (sha256 " + CallbackToken.sha256Hex(unknown).substring(0, 8) + "...)")
                .doesNotContain(token).doesNotContain(unknown).doesNotContain("/v1/webhooks/halo/");
    }
}
