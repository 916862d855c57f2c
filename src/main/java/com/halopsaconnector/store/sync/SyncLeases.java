package com.halopsaconnector.store.sync;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.halopsaconnector.store.AttributeValues;
import com.halopsaconnector.store.StoreUnavailableException;
import com.halopsaconnector.store.TableKeys;
import com.halopsaconnector.store.TableName;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * One sync run per tenant at a time: a lease item that expires by itself ({@code expiresAt}, also
 * the table's TTL attribute), so a run that crashed never blocks the tenant for longer than its
 * lease.
 */
@ApplicationScoped
public class SyncLeases {

    static final String OWNER = "owner";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableName table;

    /** @return whether {@code owner} now holds the tenant's lease until {@code until} */
    public boolean acquire(String tenant, String owner, Instant now, Instant until) {
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.syncLeaseKey(tenant));
        item.put(OWNER, AttributeValues.s(owner));
        item.put(TableKeys.EXPIRES_AT, AttributeValues.n(until.getEpochSecond() + 1));
        try {
            dynamo.putItem(r -> r.tableName(table.value()).item(item)
                    .conditionExpression("attribute_not_exists(#pk) OR #expiresAt <= :now")
                    .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#expiresAt", TableKeys.EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":now", AttributeValues.n(now.getEpochSecond()))));
            return true;
        } catch (ConditionalCheckFailedException held) {
            return false;
        } catch (SdkException e) {
            throw new StoreUnavailableException("DynamoDB", e);
        }
    }

    public void release(String tenant, String owner) {
        try {
            dynamo.deleteItem(r -> r.tableName(table.value()).key(TableKeys.syncLeaseKey(tenant))
                    .conditionExpression("#owner = :owner")
                    .expressionAttributeNames(Map.of("#owner", OWNER))
                    .expressionAttributeValues(Map.of(":owner", AttributeValues.s(owner))));
        } catch (ConditionalCheckFailedException expiredAndTaken) {
            // Another run took the lease after ours expired; it is theirs to release.
        } catch (SdkException e) {
            throw new StoreUnavailableException("DynamoDB", e);
        }
    }
}
