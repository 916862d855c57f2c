package com.halopsaconnector.store;

import static com.halopsaconnector.store.WebhookEventAttributes.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import com.halopsaconnector.domain.HaloTime;
import com.halopsaconnector.domain.TicketSnapshot;
import com.halopsaconnector.domain.WebhookEvent;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** The ticket item's write in a webhook event's transaction: the data the event carried, or a stale mark. */
final class TicketItemWrites {

    private final String table;
    private final String tenant;

    TicketItemWrites(String table, String tenant) {
        this.table = table;
        this.tenant = tenant;
    }

    /**
     * Writes the ticket data the event carried, unless the item already holds data at least as new,
     * or a change newer than this data is known ({@code staleSince}): then the condition fails.
     */
    Update fresh(WebhookEvent event, Instant receivedAt) {
        TicketSnapshot ticket = event.ticket();
        String changedAt = HaloTime.sortable(ticket.lastUpdate() != null ? ticket.lastUpdate() : event.occurredAtOr(receivedAt));
        UpdateExpressionBuilder update = new UpdateExpressionBuilder();
        ticket.fields().forEach((name, value) -> {
            if (value == null) {
                update.remove(name);
            } else {
                update.set(name, attributeOf(value));
            }
        });
        update.set(TICKET_ID, AttributeValues.s(event.ticketId()))
                .set(TICKET_JSON, AttributeValues.s(ticket.json()))
                .set(LAST_CHANGED_AT, AttributeValues.s(changedAt))
                .set(LAST_EVENT_AT, AttributeValues.s(HaloTime.sortable(event.occurredAtOr(receivedAt))))
                .set(SOURCE, AttributeValues.s(SOURCE_WEBHOOK))
                .remove(STALE)
                .remove(STALE_SINCE);
        return update.toUpdate(table, ticketKey(event), nothingNewerKnown(update, changedAt, "<="));
    }

    /**
     * Marks the ticket as changed without data: whoever reads it should fetch the ticket from Halo.
     * The condition fails (and the event is stored without this write) when the item already holds
     * data, or a stale mark, at least as new as this event: a late old event changes nothing.
     */
    Update stale(WebhookEvent event, Instant receivedAt) {
        String eventAt = HaloTime.sortable(event.occurredAtOr(receivedAt));
        UpdateExpressionBuilder update = new UpdateExpressionBuilder()
                .set(TICKET_ID, AttributeValues.s(event.ticketId()))
                .set(STALE, AttributeValues.bool(true))
                .set(STALE_SINCE, AttributeValues.s(eventAt))
                .set(LAST_EVENT_AT, AttributeValues.s(eventAt))
                .setIfAbsent(SOURCE, AttributeValues.s(SOURCE_WEBHOOK));
        return update.toUpdate(table, ticketKey(event), nothingNewerKnown(update, eventAt, "<"));
    }

    /** Neither the stored data nor a stale mark is newer than {@code at} ({@code operator}: "<" or "<="). */
    private static String nothingNewerKnown(UpdateExpressionBuilder update, String at, String operator) {
        String ts = update.conditionValue("ts", AttributeValues.s(at));
        String lastChanged = update.conditionName(LAST_CHANGED_AT);
        String staleSince = update.conditionName(STALE_SINCE);
        return "(attribute_not_exists(" + lastChanged + ") OR " + lastChanged + " " + operator + " " + ts + ")"
                + " AND (attribute_not_exists(" + staleSince + ") OR " + staleSince + " " + operator + " " + ts + ")";
    }

    private Map<String, AttributeValue> ticketKey(WebhookEvent event) {
        return TableKeys.key(TableKeys.tenantPk(tenant), TableKeys.ticketSk(event.ticketId()));
    }

    private static AttributeValue attributeOf(Object value) {
        if (value instanceof BigDecimal number) {
            return AttributeValue.fromN(number.toPlainString());
        }
        if (value instanceof Boolean flag) {
            return AttributeValues.bool(flag);
        }
        return AttributeValues.s(value.toString());
    }
}
