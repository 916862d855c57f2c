package com.halopsaconnector.store.ticket;

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
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Removes the ticket items another Halo's data left in a tenant's partition: items of an older sync
 * epoch (ticket ids of two Halo instances overlap, so they must not stay beside the new ones). One
 * page of the tenant's ticket items per call, each old one deleted with a condition that keeps an
 * item written meanwhile by the current epoch.
 */
@ApplicationScoped
public class TicketPurge {

    /** Ticket items looked at per call. */
    static final int PAGE = 100;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableName table;

    /** What one call did, and where the next one goes on ({@code null}: every item was looked at). */
    public record Progress(int deleted, String resumeAfter) {
    }

    /** @param resumeAfter the sort key the previous call ended at; {@code null} to start at the first ticket */
    public Progress purgeOlderThan(String tenant, long epoch, String resumeAfter) {
        String pk = TableKeys.tenantPk(tenant);
        QueryResponse page = query(pk, resumeAfter);
        int deleted = 0;
        for (Map<String, AttributeValue> item : page.items()) {
            AttributeValue stored = item.get(TicketAttributes.EPOCH);
            if ((stored == null || Long.parseLong(stored.n()) < epoch) && deleteIfOlder(item, epoch)) {
                deleted++;
            }
        }
        boolean more = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty();
        return new Progress(deleted, more ? page.lastEvaluatedKey().get(TableKeys.SK).s() : null);
    }

    private QueryResponse query(String pk, String resumeAfter) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", AttributeValues.s(pk));
        values.put(":prefix", AttributeValues.s(TableKeys.ticketSk("")));
        try {
            return dynamo.query(r -> {
                r.tableName(table.value())
                        .consistentRead(true)
                        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                        .projectionExpression("#pk, #sk, #epoch")
                        .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#sk", TableKeys.SK, "#epoch", TicketAttributes.EPOCH))
                        .expressionAttributeValues(values)
                        .limit(PAGE);
                if (resumeAfter != null) {
                    r.exclusiveStartKey(TableKeys.key(pk, resumeAfter));
                }
            });
        } catch (SdkException e) {
            throw new StoreUnavailableException("DynamoDB", e);
        }
    }

    private boolean deleteIfOlder(Map<String, AttributeValue> item, long epoch) {
        try {
            dynamo.deleteItem(r -> r.tableName(table.value())
                    .key(TableKeys.key(item.get(TableKeys.PK).s(), item.get(TableKeys.SK).s()))
                    .conditionExpression("attribute_not_exists(#epoch) OR #epoch < :epoch")
                    .expressionAttributeNames(Map.of("#epoch", TicketAttributes.EPOCH))
                    .expressionAttributeValues(Map.of(":epoch", AttributeValues.n(epoch))));
            return true;
        } catch (ConditionalCheckFailedException writtenMeanwhile) {
            return false;
        } catch (SdkException e) {
            throw new StoreUnavailableException("DynamoDB", e);
        }
    }
}
