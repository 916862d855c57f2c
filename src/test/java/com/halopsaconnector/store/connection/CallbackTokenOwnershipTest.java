package com.halopsaconnector.store.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.halopsaconnector.domain.CallbackToken;
import com.halopsaconnector.domain.Connection;
import com.halopsaconnector.domain.WebhookAccess;
import com.halopsaconnector.integration.TestConnections;
import com.halopsaconnector.store.TableKeys;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A callback-token item is only ever written or removed for the tenant it names: a hash collision
 * or a forged connection item can never move or delete another tenant's token.
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class CallbackTokenOwnershipTest {

    @Inject
    ConnectionStore store;

    @Inject
    Table table;

    @Inject
    DynamoDbClient dynamo;

    @Test
    void aSaveNamingAnotherTenantsTokenHash_writesNothing() {
        String owner = newTenant();
        String ownersToken = TestConnections.connect(owner);
        String intruder = newTenant();
        TestConnections.connect(intruder);
        Connection stored = store.find(intruder).orElseThrow();
        WebhookAccess colliding = new WebhookAccess(CallbackToken.sha256Hex(ownersToken),
                stored.webhook().sealedCallbackToken(), null);

        assertThatThrownBy(() -> store.save(stored.withWebhook(colliding, Instant.now()), stored.version(),
                stored.webhook().callbackTokenHash(), false))
                .isInstanceOf(CallbackTokenClaimedException.class);

        assertThat(tenantOfToken(CallbackToken.sha256Hex(ownersToken))).isEqualTo(owner);
        assertThat(tenantOfToken(stored.webhook().callbackTokenHash())).isEqualTo(intruder);
        assertThat(store.find(intruder).orElseThrow().version()).isEqualTo(stored.version());
    }

    @Test
    void aForgedConnectionItem_cannotDeleteAnotherTenantsToken() {
        String owner = newTenant();
        String ownersToken = TestConnections.connect(owner);
        String intruder = newTenant();
        TestConnections.connect(intruder);
        dynamo.updateItem(r -> r.tableName(table.name()).key(TableKeys.connectionKey(intruder))
                .updateExpression("SET callbackTokenHash = :hash")
                .expressionAttributeValues(Map.of(":hash", AttributeValue.fromS(CallbackToken.sha256Hex(ownersToken)))));
        Connection forged = store.find(intruder).orElseThrow();

        assertThatThrownBy(() -> store.delete(forged)).isInstanceOf(CallbackTokenClaimedException.class);

        assertThat(tenantOfToken(CallbackToken.sha256Hex(ownersToken))).isEqualTo(owner);
    }

    @Test
    void rotationAndRemoval_ofTheTenantsOwnToken_stillWork() {
        String tenant = newTenant();
        String first = TestConnections.connect(tenant);
        String second = TestConnections.rotate(tenant);

        assertThat(table.item("TOKEN#" + CallbackToken.sha256Hex(first), "TOKEN")).isEmpty();
        assertThat(tenantOfToken(CallbackToken.sha256Hex(second))).isEqualTo(tenant);
        TestConnections.disconnect(tenant);
        assertThat(table.item("TOKEN#" + CallbackToken.sha256Hex(second), "TOKEN")).isEmpty();
    }

    private String tenantOfToken(String tokenHash) {
        return table.item("TOKEN#" + tokenHash, "TOKEN").orElseThrow().get("tenant").s();
    }

    private static String newTenant() {
        return "tenant-" + UUID.randomUUID();
    }
}
