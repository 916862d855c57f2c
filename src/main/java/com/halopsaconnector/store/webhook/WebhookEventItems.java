package com.halopsaconnector.store.webhook;

import static com.halopsaconnector.store.webhook.WebhookEventAttributes.*;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.halopsaconnector.domain.HaloTime;
import com.halopsaconnector.domain.WebhookEvent;
import com.halopsaconnector.store.AttributeValues;
import com.halopsaconnector.store.TableKeys;
import com.halopsaconnector.store.UpdateExpressionBuilder;
import com.halopsaconnector.store.connection.ConnectionAttributes;
import com.halopsaconnector.store.ticket.TicketItemWrites;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The event item and the connection counters of a webhook event's transaction; the ticket item's
 * write is {@link TicketItemWrites}.
 */
final class WebhookEventItems {

    static final Duration EVENT_RETENTION = Duration.ofDays(30);

    private final String table;
    private final String tenant;

    WebhookEventItems(String table, String tenant) {
        this.table = table;
        this.tenant = tenant;
    }

    /** Fails its condition when the event was stored before: that is how duplicates are found. */
    Put event(WebhookEvent event, Instant receivedAt) {
        Map<String, AttributeValue> item = new HashMap<>(
                TableKeys.key(TableKeys.tenantPk(tenant), TableKeys.eventSk(event.key())));
        putIfPresent(item, EVENT, event.name());
        putIfPresent(item, TICKET_ID, event.ticketId());
        putIfPresent(item, WEBHOOK_ID, event.webhookId());
        item.put(RECEIVED_AT, AttributeValues.s(HaloTime.sortable(receivedAt)));
        if (event.occurredAt() != null) {
            item.put(EVENT_TIMESTAMP, AttributeValues.s(HaloTime.sortable(event.occurredAt())));
        }
        if (event.futureTimeClamped()) {
            item.put(FUTURE_TIME_CLAMPED, AttributeValues.bool(true));
        }
        item.put(RAW, AttributeValues.s(event.rawJson()));
        item.put(TableKeys.EXPIRES_AT, AttributeValues.n(receivedAt.plus(EVENT_RETENTION).getEpochSecond()));
        return Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", TableKeys.PK))
                .build();
    }

    /** Fails its condition when the connection was deleted after the token was looked up. */
    Update connectionCounters(Instant receivedAt) {
        UpdateExpressionBuilder update = new UpdateExpressionBuilder()
                .set(ConnectionAttributes.LAST_WEBHOOK_AT, AttributeValues.instant(receivedAt))
                .add(ConnectionAttributes.WEBHOOKS_RECEIVED, AttributeValues.n(1));
        return update.toUpdate(table, TableKeys.connectionKey(tenant),
                "attribute_exists(" + update.conditionName(TableKeys.PK) + ")");
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, AttributeValues.s(value));
        }
    }
}
