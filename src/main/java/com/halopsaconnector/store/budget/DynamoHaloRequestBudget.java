package com.halopsaconnector.store.budget;

import static com.halopsaconnector.store.budget.RequestBudgetItems.COUNT;
import static com.halopsaconnector.store.budget.RequestBudgetItems.UNTIL;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.halopsaconnector.domain.HaloRequestBudget;
import com.halopsaconnector.domain.HaloRequestsPausedException;
import com.halopsaconnector.store.AttributeValues;
import com.halopsaconnector.store.AwsCalls;
import com.halopsaconnector.store.StoreUnavailableException;
import com.halopsaconnector.store.TableKeys;
import com.halopsaconnector.store.TableName;
import com.halopsaconnector.store.UpdateExpressionBuilder;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The Halo request budget, held in the table so that every function instance shares it: at most
 * {@code requests} per rolling {@code window} per Halo instance, counted in one item per minute
 * (see {@link RequestBudgetItems}).
 *
 * <p>A take reads the previous window's minutes and the pause item in one consistent Query, then
 * adds one to the current minute with a single conditional UpdateItem that succeeds only while that
 * minute's count is below what the window leaves. The condition makes concurrent takes of the same
 * minute exact without a read-modify-write race. Any rolling window of {@code window} lies inside
 * the current minute and the {@code window}-in-minutes before it, which is exactly what is counted.
 *
 * <p>What is not exact: a past minute can still change while a take that began in it is in flight.
 * A take of minute m+1 that reads minute m before such a take's increment lands does not count it,
 * so the budget can be exceeded by at most the takes in flight across a minute boundary (each a
 * Query and an UpdateItem, milliseconds), given instances whose clocks agree. Closing that gap would
 * need a transaction (a condition check on the previous minute) for every Halo request; Halo's own
 * 429, which pauses the instance for every caller, stays the backstop.
 */
@ApplicationScoped
public class DynamoHaloRequestBudget implements HaloRequestBudget {

    private static final Logger LOG = Logger.getLogger(DynamoHaloRequestBudget.class);
    /** Items outlive their use by this much before DynamoDB's TTL may delete them. */
    static final Duration RETENTION_MARGIN = Duration.ofMinutes(10);

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableName table;

    @ConfigProperty(name = "connector.halo.rate-budget.requests")
    int requests;

    @ConfigProperty(name = "connector.halo.rate-budget.window")
    Duration window;

    @Inject
    Clock clock;

    @PostConstruct
    void checkConfiguration() {
        if (requests < 1) {
            throw new IllegalStateException("connector.halo.rate-budget.requests must be at least 1");
        }
        if (window.toMinutes() < 1 || !window.equals(Duration.ofMinutes(window.toMinutes()))) {
            throw new IllegalStateException("connector.halo.rate-budget.window must be a whole number of minutes");
        }
    }

    @Override
    public void take(String instance) {
        take(instance, requests);
    }

    /** {@link #take(String)} with another limit; package-private so tests can use a small budget. */
    void take(String instance, int limit) {
        Instant now = clock.instant();
        long minute = now.getEpochSecond() / 60;
        long used = 0;
        for (Map<String, AttributeValue> item : windowAndPause(instance, minute)) {
            String sk = AttributeValues.string(item, TableKeys.SK);
            if (RequestBudgetItems.PAUSE_SK.equals(sk)) {
                Instant until = Instant.ofEpochMilli(AttributeValues.number(item, UNTIL));
                if (until.isAfter(now)) {
                    throw HaloRequestsPausedException.haloAsked(instance, until);
                }
            } else if (RequestBudgetItems.epochMinuteOf(sk) != minute) {
                // Minutes after ours can only come from an instance whose clock runs ahead; counting
                // them keeps us under the limit.
                used += AttributeValues.number(item, COUNT);
            }
        }
        long remaining = limit - used;
        if (remaining <= 0 || !countOneIn(instance, minute, remaining)) {
            throw HaloRequestsPausedException.budgetUsedUp(instance, limit, window, startOfMinute(minute + 1));
        }
    }

    @Override
    public void pauseUntil(String instance, Instant until) {
        UpdateExpressionBuilder update = new UpdateExpressionBuilder()
                .set(UNTIL, AttributeValues.n(until.toEpochMilli()))
                .set(TableKeys.EXPIRES_AT, AttributeValues.n(until.plus(RETENTION_MARGIN).getEpochSecond()));
        String stored = update.conditionName(UNTIL);
        String condition = "attribute_not_exists(" + stored + ") OR " + stored + " < "
                + update.conditionValue("until", AttributeValues.n(until.toEpochMilli()));
        if (!updateIf(update.toUpdate(table.value(), RequestBudgetItems.pauseKey(instance), condition))) {
            LOG.debugf("Halo instance %s already paused beyond %s; pause kept", instance, until);
        }
    }

    /** The current minute's bucket, the {@code window} of minutes before it, and the pause item. */
    private List<Map<String, AttributeValue>> windowAndPause(String instance, long minute) {
        return AwsCalls.guarded("DynamoDB", () -> dynamo.query(r -> r.tableName(table.value())
                .consistentRead(true)
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#sk", TableKeys.SK))
                .expressionAttributeValues(Map.of(
                        ":pk", AttributeValues.s(RequestBudgetItems.pk(instance)),
                        ":from", AttributeValues.s(RequestBudgetItems.minuteSk(minute - window.toMinutes())),
                        ":to", AttributeValues.s(RequestBudgetItems.END_OF_RANGE_SK))))).items();
    }

    /** Adds one to the minute's count unless it has reached {@code remaining}; false when it has. */
    private boolean countOneIn(String instance, long minute, long remaining) {
        UpdateExpressionBuilder update = new UpdateExpressionBuilder()
                .add(COUNT, AttributeValues.n(1))
                .set(TableKeys.EXPIRES_AT, AttributeValues.n(startOfMinute(minute).plus(window).plus(RETENTION_MARGIN)
                        .getEpochSecond()));
        String count = update.conditionName(COUNT);
        String condition = "attribute_not_exists(" + count + ") OR " + count + " < "
                + update.conditionValue("remaining", AttributeValues.n(remaining));
        return updateIf(update.toUpdate(table.value(), RequestBudgetItems.minuteKey(instance, minute), condition));
    }

    /** Runs the update; false when its condition failed. */
    private boolean updateIf(Update update) {
        try {
            dynamo.updateItem(UpdateItemRequest.builder()
                    .tableName(update.tableName())
                    .key(update.key())
                    .updateExpression(update.updateExpression())
                    .conditionExpression(update.conditionExpression())
                    .expressionAttributeNames(update.expressionAttributeNames())
                    .expressionAttributeValues(update.expressionAttributeValues())
                    .build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw new StoreUnavailableException("DynamoDB", e);
        }
    }

    private static Instant startOfMinute(long epochMinute) {
        return Instant.ofEpochSecond(epochMinute * 60);
    }
}
