package com.halopsaconnector.store.connection;

import static com.halopsaconnector.store.connection.ConnectionAttributes.CLIENT_SECRET_SEALED;
import static com.halopsaconnector.store.connection.ConnectionAttributes.HALO_TOKEN_EXPIRES_AT;
import static com.halopsaconnector.store.connection.ConnectionAttributes.HALO_TOKEN_SEALED;
import static com.halopsaconnector.store.connection.ConnectionAttributes.SYNC;
import static com.halopsaconnector.store.connection.ConnectionAttributes.TENANT;
import static com.halopsaconnector.store.connection.ConnectionAttributes.VERSION;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.halopsaconnector.domain.Connection;
import com.halopsaconnector.domain.SealedHaloToken;
import com.halopsaconnector.store.AttributeValues;
import com.halopsaconnector.store.AwsCalls;
import com.halopsaconnector.store.StoreUnavailableException;
import com.halopsaconnector.store.TableKeys;
import com.halopsaconnector.store.TableName;
import com.halopsaconnector.store.UpdateExpressionBuilder;
import com.halopsaconnector.store.sync.SyncDueList;
import com.halopsaconnector.store.sync.SyncStateAttributes;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Reads and writes a tenant's connection together with its callback-token lookup item, always in
 * one transaction so the two never disagree. Writes are conditional on the version that was read,
 * and a token item is only written or deleted while it is absent or names the same tenant.
 */
@ApplicationScoped
public class ConnectionStore {

    /** The connection's write comes first in every transaction this class makes. */
    private static final int CONNECTION_WRITE = 0;

    private static final String ABSENT_OR_SAME_TENANT = "attribute_not_exists(#pk) OR #tenant = :tenant";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableName table;

    @Inject
    SyncDueList dueList;

    public Optional<Connection> find(String tenant) {
        Map<String, AttributeValue> item = AwsCalls.guarded("DynamoDB", () -> dynamo.getItem(r -> r.tableName(table.value())
                .key(TableKeys.connectionKey(tenant)).consistentRead(true))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ConnectionItemMapper.fromItem(tenant, item));
    }

    /**
     * Writes {@code connection} if the stored one still has {@code expectedVersion} (0 = none stored),
     * puts its token item, and deletes {@code previousTokenHash}'s item when the token changed. With
     * {@code startsNewSync} the connection's sync state is replaced and the tenant is due at once.
     *
     * @throws ConcurrentUpdateException when another request got there first
     * @throws CallbackTokenClaimedException when the token's item names another tenant
     */
    public void save(Connection connection, long expectedVersion, String previousTokenHash, boolean startsNewSync) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(connectionUpdate(connection, expectedVersion, startsNewSync)).build());
        writes.add(TransactWriteItem.builder().put(tokenItemPut(connection)).build());
        String currentTokenHash = connection.webhook().callbackTokenHash();
        if (previousTokenHash != null && !previousTokenHash.equals(currentTokenHash)) {
            writes.add(TransactWriteItem.builder().delete(tokenItemDelete(connection.tenant(), previousTokenHash)).build());
        }
        if (startsNewSync) {
            writes.add(TransactWriteItem.builder().put(dueList.entry(connection.tenant(), connection.updatedAt())).build());
        }
        transact(writes);
    }

    /**
     * Removes the connection, its token item and due-list entry; the token's URL answers 404 from
     * then on, and a sync still running finds its connection gone at its next step. Its lease stays
     * (it expires by itself): a Save right after the Disconnect waits for that run to end before the
     * new first sync starts, so the old run's last writes cannot land after the new sync's purge.
     */
    public void delete(Connection connection) {
        String tenant = connection.tenant();
        transact(List.of(
                TransactWriteItem.builder().delete(Delete.builder().tableName(table.value())
                        .key(TableKeys.connectionKey(tenant))
                        .conditionExpression("#v = :v")
                        .expressionAttributeNames(Map.of("#v", VERSION))
                        .expressionAttributeValues(Map.of(":v", AttributeValues.n(connection.version())))
                        .build()).build(),
                TransactWriteItem.builder().delete(tokenItemDelete(tenant, connection.webhook().callbackTokenHash())).build(),
                TransactWriteItem.builder().delete(dueList.removal(tenant)).build()));
    }

    /**
     * Caches a Halo access token for every instance of the function, unless the client secret
     * changed since {@code sealedSecretUsed} was read: a token of replaced credentials is dropped.
     */
    public void cacheHaloToken(String tenant, SealedHaloToken token, String sealedSecretUsed) {
        UpdateExpressionBuilder update = new UpdateExpressionBuilder();
        ConnectionItemMapper.haloTokenAttributes(token).forEach(update::set);
        String condition = update.conditionName(CLIENT_SECRET_SEALED) + " = "
                + update.conditionValue("secret", AttributeValues.s(sealedSecretUsed));
        try {
            dynamo.updateItem(update.toUpdateItem(table.value(), TableKeys.connectionKey(tenant), condition));
        } catch (ConditionalCheckFailedException replacedMeanwhile) {
            // The credentials were saved again; that save stored its own token.
        } catch (SdkException e) {
            throw new StoreUnavailableException("DynamoDB", e);
        }
    }

    private Update connectionUpdate(Connection connection, long expectedVersion, boolean startsNewSync) {
        UpdateExpressionBuilder update = new UpdateExpressionBuilder();
        ConnectionItemMapper.savedAttributes(connection).forEach(update::set);
        if (connection.webhook().credential() == null) {
            WebhookCredentialAttributes.NAMES.forEach(update::remove);
        }
        if (connection.haloToken() != null) {
            ConnectionItemMapper.haloTokenAttributes(connection.haloToken()).forEach(update::set);
        } else {
            update.remove(HALO_TOKEN_SEALED).remove(HALO_TOKEN_EXPIRES_AT);
        }
        if (startsNewSync) {
            update.set(SYNC, SyncStateAttributes.toAttribute(connection.sync()));
        }
        String condition = expectedVersion == 0
                ? "attribute_not_exists(" + update.conditionName(TableKeys.PK) + ")"
                : update.conditionName(VERSION) + " = " + update.conditionValue("version", AttributeValues.n(expectedVersion));
        return update.toUpdate(table.value(), TableKeys.connectionKey(connection.tenant()), condition);
    }

    private Put tokenItemPut(Connection connection) {
        return Put.builder().tableName(table.value()).item(ConnectionItemMapper.tokenItem(connection))
                .conditionExpression(ABSENT_OR_SAME_TENANT)
                .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#tenant", TENANT))
                .expressionAttributeValues(Map.of(":tenant", AttributeValues.s(connection.tenant())))
                .build();
    }

    private Delete tokenItemDelete(String tenant, String tokenHash) {
        return Delete.builder().tableName(table.value()).key(TableKeys.tokenKey(tokenHash))
                .conditionExpression(ABSENT_OR_SAME_TENANT)
                .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#tenant", TENANT))
                .expressionAttributeValues(Map.of(":tenant", AttributeValues.s(tenant)))
                .build();
    }

    private void transact(List<TransactWriteItem> writes) {
        try {
            dynamo.transactWriteItems(r -> r.transactItems(writes));
        } catch (TransactionCanceledException e) {
            if (failedItsCondition(e, CONNECTION_WRITE)) {
                throw new ConcurrentUpdateException();
            }
            // Besides the connection's, only token-item writes carry a condition.
            if (e.hasCancellationReasons() && e.cancellationReasons().stream().anyMatch(ConnectionStore::conditionFailed)) {
                throw new CallbackTokenClaimedException();
            }
            throw new StoreUnavailableException("DynamoDB", e);
        } catch (SdkException e) {
            throw new StoreUnavailableException("DynamoDB", e);
        }
    }

    private static boolean failedItsCondition(TransactionCanceledException e, int position) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return reasons != null && reasons.size() > position && conditionFailed(reasons.get(position));
    }

    private static boolean conditionFailed(CancellationReason reason) {
        return "ConditionalCheckFailed".equals(reason.code());
    }
}
