package com.halopsaconnector.store.ticket;

import static com.halopsaconnector.store.ticket.TicketAttributes.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import com.halopsaconnector.domain.HaloTime;
import com.halopsaconnector.domain.TicketSnapshot;
import com.halopsaconnector.store.AttributeValues;
import com.halopsaconnector.store.TableKeys;
import com.halopsaconnector.store.UpdateExpressionBuilder;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every write of a ticket item, from the webhook and from the sync alike, so both follow one rule:
 * a ticket item never goes back in time. Ticket data is written only when nothing newer is known
 * ({@code lastChangedAt} for data, {@code staleSince} for a change seen without data).
 */
public final class TicketItemWrites {

    private final String table;
    private final String tenant;

    public TicketItemWrites(String table, String tenant) {
        this.table = table;
        this.tenant = tenant;
    }

    /**
     * Writes ticket data, unless the item already holds data at least as new as {@code changedAt},
     * or a change newer than it is known ({@code staleSince}): then the condition fails.
     *
     * @param eventAt when the webhook event that carried the data happened; null for the sync
     */
    public UpdateExpressionBuilder fresh(String ticketId, TicketSnapshot ticket, Instant changedAt, Instant eventAt, String source) {
        String changed = HaloTime.sortable(changedAt);
        UpdateExpressionBuilder update = withData(ticketId, ticket, changed, source);
        if (eventAt != null) {
            update.set(LAST_EVENT_AT, AttributeValues.s(HaloTime.sortable(eventAt)));
        }
        update.condition(nothingNewerKnown(update, changed, "<="));
        return update;
    }

    /**
     * Marks the ticket as changed without data, for the sync to fetch. The condition fails (and
     * nothing is marked) when the item already holds data, or a mark, at least as new as this event.
     */
    public UpdateExpressionBuilder stale(String ticketId, Instant eventAt) {
        String at = HaloTime.sortable(eventAt);
        UpdateExpressionBuilder update = new UpdateExpressionBuilder()
                .set(TICKET_ID, AttributeValues.s(ticketId))
                .set(STALE, AttributeValues.bool(true))
                .set(STALE_SINCE, AttributeValues.s(at))
                .set(STALE_PK, AttributeValues.s(TableKeys.tenantPk(tenant)))
                .set(LAST_EVENT_AT, AttributeValues.s(at))
                .setIfAbsent(SOURCE, AttributeValues.s(SOURCE_WEBHOOK));
        update.condition(nothingNewerKnown(update, at, "<"));
        return update;
    }

    /**
     * Data fetched by id because the item was marked stale at {@code seenStaleSince}. The fetch came
     * after every change up to that mark, so the data settles it, provided no newer mark arrived
     * meanwhile and the item holds no newer data.
     */
    public UpdateExpressionBuilder refetched(String ticketId, TicketSnapshot ticket, Instant changedAt, String seenStaleSince) {
        String changed = HaloTime.sortable(changedAt);
        UpdateExpressionBuilder update = withData(ticketId, ticket, changed, SOURCE_SYNC);
        String lastChanged = update.conditionName(LAST_CHANGED_AT);
        update.condition(markUnchanged(update, seenStaleSince) + " AND (attribute_not_exists(" + lastChanged + ") OR "
                + lastChanged + " <= " + update.conditionValue("ts", AttributeValues.s(changed)) + ")");
        return update;
    }

    /** Drops a stale mark that is still the one seen: the item already holds data newer than the fetch. */
    public UpdateExpressionBuilder markSettled(String ticketId, String seenStaleSince) {
        UpdateExpressionBuilder update = new UpdateExpressionBuilder().remove(STALE).remove(STALE_SINCE).remove(STALE_PK);
        update.condition(markUnchanged(update, seenStaleSince));
        return update;
    }

    /** Halo answered 404 for a stale ticket: it was deleted there, so it is marked so, not fetched again. */
    public UpdateExpressionBuilder deleted(String ticketId, String seenStaleSince, Instant now) {
        UpdateExpressionBuilder update = new UpdateExpressionBuilder()
                .set(DELETED, AttributeValues.bool(true))
                .set(LAST_CHANGED_AT, AttributeValues.s(HaloTime.sortable(now)))
                .set(SOURCE, AttributeValues.s(SOURCE_SYNC))
                .remove(STALE).remove(STALE_SINCE).remove(STALE_PK);
        update.condition(markUnchanged(update, seenStaleSince));
        return update;
    }

    public Map<String, AttributeValue> key(String ticketId) {
        return TableKeys.key(TableKeys.tenantPk(tenant), TableKeys.ticketSk(ticketId));
    }

    public String table() {
        return table;
    }

    private UpdateExpressionBuilder withData(String ticketId, TicketSnapshot ticket, String changedAt, String source) {
        UpdateExpressionBuilder update = new UpdateExpressionBuilder();
        ticket.fields().forEach((name, value) -> {
            if (value == null) {
                update.remove(name);
            } else {
                update.set(name, attributeOf(value));
            }
        });
        if (ticket.jsonFitsTicketItem()) {
            update.set(TICKET_JSON, AttributeValues.s(ticket.json()));
        } else {
            update.remove(TICKET_JSON);
        }
        return update.set(TICKET_ID, AttributeValues.s(ticketId))
                .set(LAST_CHANGED_AT, AttributeValues.s(changedAt))
                .set(SOURCE, AttributeValues.s(source))
                .remove(STALE)
                .remove(STALE_SINCE)
                .remove(STALE_PK);
    }

    /** Neither the stored data nor a stale mark is newer than {@code at} ({@code operator}: "<" or "<="). */
    private static String nothingNewerKnown(UpdateExpressionBuilder update, String at, String operator) {
        String ts = update.conditionValue("ts", AttributeValues.s(at));
        String lastChanged = update.conditionName(LAST_CHANGED_AT);
        String staleSince = update.conditionName(STALE_SINCE);
        return "(attribute_not_exists(" + lastChanged + ") OR " + lastChanged + " " + operator + " " + ts + ")"
                + " AND (attribute_not_exists(" + staleSince + ") OR " + staleSince + " " + operator + " " + ts + ")";
    }

    private static String markUnchanged(UpdateExpressionBuilder update, String seenStaleSince) {
        return update.conditionName(STALE_SINCE) + " = " + update.conditionValue("seen", AttributeValues.s(seenStaleSince));
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
