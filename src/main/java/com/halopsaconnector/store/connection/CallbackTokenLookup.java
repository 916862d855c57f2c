package com.halopsaconnector.store.connection;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.halopsaconnector.domain.CallbackTokenOwner;
import com.halopsaconnector.store.AttributeValues;
import com.halopsaconnector.store.AwsCalls;
import com.halopsaconnector.store.TableKeys;
import com.halopsaconnector.store.TableName;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Finds who owns a callback token with one strongly consistent read of the token item, so a token
 * that was just rotated away or deleted is refused at once.
 */
@ApplicationScoped
public class CallbackTokenLookup {

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableName table;

    public Optional<CallbackTokenOwner> find(String tokenSha256Hex) {
        Map<String, AttributeValue> item = AwsCalls.guarded("DynamoDB", () -> dynamo.getItem(r -> r
                .tableName(table.value())
                .key(TableKeys.tokenKey(tokenSha256Hex))
                .consistentRead(true))).item();
        String tenant = item == null ? null : AttributeValues.string(item, ConnectionAttributes.TENANT);
        if (tenant == null || tenant.isEmpty()) {
            return Optional.empty();
        }
        long epoch = item.containsKey(ConnectionAttributes.EPOCH) ? AttributeValues.number(item, ConnectionAttributes.EPOCH) : 0;
        return Optional.of(new CallbackTokenOwner(tenant, WebhookCredentialAttributes.fromItem(item), epoch));
    }
}
