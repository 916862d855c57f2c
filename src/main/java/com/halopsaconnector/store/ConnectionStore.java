package com.halopsaconnector.store;

import static com.halopsaconnector.store.ConnectionAttributes.VERSION;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.halopsaconnector.domain.Connection;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Reads and writes a tenant's connection together with its callback-token lookup item, always in
 * one transaction so the two never disagree. Writes are conditional on the version that was read.
 */
@ApplicationScoped
public class ConnectionStore {

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableName table;

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
     * puts its token item, and deletes {@code previousTokenHash}'s item when the token changed.
     *
     * @throws ConcurrentUpdateException when another request got there first
     */
    public void save(Connection connection, long expectedVersion, String previousTokenHash) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(connectionUpdate(connection, expectedVersion)).build());
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table.value())
                .item(ConnectionItemMapper.tokenItem(connection)).build()).build());
        if (previousTokenHash != null && !previousTokenHash.equals(connection.callbackTokenHash())) {
            writes.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table.value())
                    .key(TableKeys.tokenKey(previousTokenHash)).build()).build());
        }
        transact(writes);
    }

    /** Removes the connection and its token item; the token's URL answers 404 from then on. */
    public void delete(Connection connection) {
        transact(List.of(
                TransactWriteItem.builder().delete(Delete.builder().tableName(table.value())
                        .key(TableKeys.connectionKey(connection.tenant()))
                        .conditionExpression("#v = :v")
                        .expressionAttributeNames(Map.of("#v", VERSION))
                        .expressionAttributeValues(Map.of(":v", AttributeValues.n(connection.version())))
                        .build()).build(),
                TransactWriteItem.builder().delete(Delete.builder().tableName(table.value())
                        .key(TableKeys.tokenKey(connection.callbackTokenHash())).build()).build()));
    }

    private Update connectionUpdate(Connection connection, long expectedVersion) {
        UpdateExpressionBuilder update = new UpdateExpressionBuilder();
        ConnectionItemMapper.savedAttributes(connection).forEach(update::set);
        if (connection.webhookCredential() == null) {
            WebhookCredentialAttributes.NAMES.forEach(update::remove);
        }
        String condition = expectedVersion == 0
                ? "attribute_not_exists(" + update.conditionName(TableKeys.PK) + ")"
                : update.conditionName(VERSION) + " = " + update.conditionValue("version", AttributeValues.n(expectedVersion));
        return update.toUpdate(table.value(), TableKeys.connectionKey(connection.tenant()), condition);
    }

    private void transact(List<TransactWriteItem> writes) {
        try {
            dynamo.transactWriteItems(r -> r.transactItems(writes));
        } catch (TransactionCanceledException e) {
            if (firstItemFailedItsCondition(e)) {
                throw new ConcurrentUpdateException();
            }
            throw new StoreUnavailableException("DynamoDB", e);
        } catch (SdkException e) {
            throw new StoreUnavailableException("DynamoDB", e);
        }
    }

    private static boolean firstItemFailedItsCondition(TransactionCanceledException e) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return reasons != null && !reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code());
    }
}
