package com.halopsaconnector.store.sync;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.halopsaconnector.domain.SyncState;
import com.halopsaconnector.store.AttributeValues;
import com.halopsaconnector.store.StoreUnavailableException;
import com.halopsaconnector.store.TableKeys;
import com.halopsaconnector.store.TableName;
import com.halopsaconnector.store.UpdateExpressionBuilder;
import com.halopsaconnector.store.connection.ConnectionAttributes;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Writes a sync's progress onto the connection item. Every write is conditional on the
 * connection still existing with the same sync epoch, so a sync of credentials that were
 * deleted or re-pointed at other Halo data stops instead of writing over the new state.
 */
@ApplicationScoped
public class SyncStateStore {

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableName table;

    @Inject
    SyncDueList dueList;

    /** After each page: the cursor and counts. @throws SyncSupersededException */
    public void saveProgress(String tenant, SyncState state) {
        try {
            UpdateExpressionBuilder update = update(state);
            dynamo.updateItem(update.toUpdateItem(table.value(), TableKeys.connectionKey(tenant), sameEpoch(update, state)));
        } catch (ConditionalCheckFailedException e) {
            throw new SyncSupersededException();
        } catch (SdkException e) {
            throw new StoreUnavailableException("DynamoDB", e);
        }
    }

    /** At the end of a run: the state, and when the tenant is due next, together. @throws SyncSupersededException */
    public void saveOutcome(String tenant, SyncState state, Instant dueAt) {
        UpdateExpressionBuilder update = update(state);
        String condition = sameEpoch(update, state);
        List<TransactWriteItem> writes = List.of(
                TransactWriteItem.builder().update(update.toUpdate(table.value(), TableKeys.connectionKey(tenant), condition))
                        .build(),
                TransactWriteItem.builder().put(dueList.entry(tenant, dueAt)).build());
        try {
            dynamo.transactWriteItems(r -> r.transactItems(writes));
        } catch (TransactionCanceledException e) {
            if (e.hasCancellationReasons() && "ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())) {
                throw new SyncSupersededException();
            }
            throw new StoreUnavailableException("DynamoDB", e);
        } catch (SdkException e) {
            throw new StoreUnavailableException("DynamoDB", e);
        }
    }

    private static UpdateExpressionBuilder update(SyncState state) {
        return new UpdateExpressionBuilder().set(ConnectionAttributes.SYNC, SyncStateAttributes.toAttribute(state));
    }

    private static String sameEpoch(UpdateExpressionBuilder update, SyncState state) {
        String sync = update.conditionName(ConnectionAttributes.SYNC);
        return "attribute_exists(" + update.conditionName(TableKeys.PK) + ") AND (attribute_not_exists(" + sync + ") OR "
                + sync + "." + update.conditionName(SyncStateAttributes.EPOCH)
                + " = " + update.conditionValue("epoch", AttributeValues.n(state.epoch())) + ")";
    }
}
