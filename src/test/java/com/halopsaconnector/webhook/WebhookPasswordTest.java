package com.halopsaconnector.webhook;

import static com.halopsaconnector.webhook.WebhookTestData.eventOnly;
import static com.halopsaconnector.webhook.WebhookTestData.newEventId;
import static com.halopsaconnector.webhook.WebhookTestData.newTenant;
import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.halopsaconnector.domain.CallbackToken;
import com.halopsaconnector.integration.TestConnections;
import com.halopsaconnector.testsupport.HaloStubs.Samples;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The webhook's Basic password: its work factor is the code's, and a replaced password stops working at once. */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class WebhookPasswordTest {

    @Inject
    Table table;

    @Inject
    DynamoDbClient dynamo;

    @Test
    void aWorkFactorWrittenIntoTheTable_isIgnored() throws Exception {
        String token = TestConnections.connectWithWebhookAuth(newTenant(), "halo", "the-real-password");
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        byte[] cheapHash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec("guessed".toCharArray(), salt, 1, 256)).getEncoded();
        dynamo.updateItem(r -> r.tableName(table.name())
                .key(Map.of("pk", AttributeValue.fromS("TOKEN#" + CallbackToken.sha256Hex(token)),
                        "sk", AttributeValue.fromS("TOKEN")))
                .updateExpression("SET webhookAuthSalt = :salt, webhookAuthHash = :hash, webhookAuthIterations = :one")
                .expressionAttributeValues(Map.of(":salt", AttributeValue.fromB(SdkBytes.fromByteArray(salt)),
                        ":hash", AttributeValue.fromB(SdkBytes.fromByteArray(cheapHash)),
                        ":one", AttributeValue.fromN("1"))));

        deliver(token, "halo", "guessed").statusCode(401);
    }

    @Test
    void aReplacedPassword_isRefused_evenAfterThisInstanceVerifiedIt() {
        String tenant = newTenant();
        String token = TestConnections.connectWithWebhookAuth(tenant, "halo", "first-password");
        deliver(token, "halo", "first-password").statusCode(200);
        deliver(token, "halo", "first-password").statusCode(200);

        TestConnections.connectWithWebhookAuth(tenant, "halo", "second-password");

        deliver(token, "halo", "first-password").statusCode(401);
        deliver(token, "halo", "second-password").statusCode(200);
        deliver(token, "halo", "second-password").statusCode(200);
    }

    private static ValidatableResponse deliver(String token, String username, String password) {
        String basic = Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return WebhookApi.deliver(given().header("Authorization", "Basic " + basic), token,
                eventOnly(newEventId(), 5002, "2026-01-01T10:00:00"));
    }
}
