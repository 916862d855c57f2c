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
 * Every write of a ticket item, from the webhook and from the sync alike, so both follow one rule.
 * Within one sync epoch (one Halo's data) a ticket item never goes back in time: data is written
 * only when nothing newer is known ({@code lastChangedAt} for data, {@code staleSince} for a change
 * seen without data). Across epochs, a newer epoch's write replaces the item whatever its times say
 * (the ids belong to another Halo), and an older epoch's write is refused.
 */
public final class TicketItemWrites {

    private final String table;
    private final String tenant;
    private final long epoch;

    public TicketItemWrites(String table, String tenant, long epoch) {
        this.table = table;
        this.tenant = tenant;
        this.epoch = epoch;
    }

    /**
     * Writes ticket data, unless the item already holds data at least as new as {@code changedAt}
     * (for the sync: as new), or a change newer than it is known ({@code staleSince}), in this epoch:
     * then the condition fails.
     *
     * @param eventAt when the webhook event that carried the data happened; null for the sync
     * @param readMark which sync pass read the data ({@code SyncCursor.readMark()}); null for the webhook
     */
    public UpdateExpressionBuilder fresh(String ticketId, TicketSnapshot ticket, Instant changedAt, Instant eventAt,
                                         String source, String readMark) {
        String changed = HaloTime.sortable(changedAt);
        UpdateExpressionBuilder update = withData(ticketId, ticket, changed, source);
        if (eventAt != null) {
            update.set(LAST_EVENT_AT, AttributeValues.s(HaloTime.sortable(eventAt)));
        }
        if (readMark != null) {
            update.set(READ_MARK, AttributeValues.s(readMark));
        }
        // The sync reads unchanged tickets again (overlapping windows, the catch-up): data of the same
        // change is not written again. A webhook's copy of the same change may replace it.
        String operator = SOURCE_SYNC.equals(source) ? "<" : "<=";
        update.condition(olderEpoch(update) + " OR (" + sameEpoch(update) + " AND " + nothingNewerKnown(update, changed, operator) + ")");
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
                .set(STALE_DUE_AT, AttributeValues.s(at))
                .set(STALE_PK, AttributeValues.s(TableKeys.tenantPk(tenant)))
                .set(LAST_EVENT_AT, AttributeValues.s(at))
                .set(EPOCH, AttributeValues.n(epoch))
                .setIfAbsent(SOURCE, AttributeValues.s(SOURCE_WEBHOOK))
                .remove(STALE_FAILURES)
                .remove(STALE_ERROR);
        update.condition(olderEpoch(update) + " OR (" + sameEpoch(update) + " AND " + nothingNewerKnown(update, at, "<") + ")");
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
        UpdateExpressionBuilder update = withoutStaleMark(new UpdateExpressionBuilder());
        update.condition(markUnchanged(update, seenStaleSince));
        return update;
    }

    /** Halo answered 404 for a stale ticket: it was deleted there, so it is marked so, not fetched again. */
    public UpdateExpressionBuilder deleted(String ticketId, String seenStaleSince, Instant now) {
        UpdateExpressionBuilder update = withoutStaleMark(new UpdateExpressionBuilder()
                .set(DELETED, AttributeValues.bool(true))
                .set(LAST_CHANGED_AT, AttributeValues.s(HaloTime.sortable(now)))
                .set(SOURCE, AttributeValues.s(SOURCE_SYNC)));
        update.condition(markUnchanged(update, seenStaleSince));
        return update;
    }

    /** Fetching a stale ticket failed: it stays stale, is fetched again at {@code retryAt}, and says why. */
    public UpdateExpressionBuilder fetchFailed(String ticketId, String seenStaleSince, Instant retryAt, String error) {
        UpdateExpressionBuilder update = new UpdateExpressionBuilder()
                .set(STALE_DUE_AT, AttributeValues.s(HaloTime.sortable(retryAt)))
                .set(STALE_ERROR, AttributeValues.s(error))
                .add(STALE_FAILURES, AttributeValues.n(1));
        update.condition(markUnchanged(update, seenStaleSince));
        return update;
    }

    /** The sync read the ticket, but the item holds newer data of this epoch: it is marked as read all the same. */
    public UpdateExpressionBuilder readOnly(String readMark) {
        UpdateExpressionBuilder update = new UpdateExpressionBuilder().set(READ_MARK, AttributeValues.s(readMark));
        update.condition(sameEpoch(update));
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
        update.set(TICKET_ID, AttributeValues.s(ticketId))
                .set(LAST_CHANGED_AT, AttributeValues.s(changedAt))
                .set(SOURCE, AttributeValues.s(source))
                .set(EPOCH, AttributeValues.n(epoch))
                .remove(DELETED);
        return withoutStaleMark(update);
    }

    private static UpdateExpressionBuilder withoutStaleMark(UpdateExpressionBuilder update) {
        return update.remove(STALE).remove(STALE_SINCE).remove(STALE_PK).remove(STALE_DUE_AT).remove(STALE_FAILURES)
                .remove(STALE_ERROR);
    }

    /** The item is new, or another (older) Halo's data wrote it. */
    private String olderEpoch(UpdateExpressionBuilder update) {
        String stored = update.conditionName(EPOCH);
        return "(attribute_not_exists(" + stored + ") OR " + stored + " < " + epochValue(update) + ")";
    }

    private String sameEpoch(UpdateExpressionBuilder update) {
        return update.conditionName(EPOCH) + " = " + epochValue(update);
    }

    private String epochValue(UpdateExpressionBuilder update) {
        return update.conditionValue("epoch", AttributeValues.n(epoch));
    }

    /** Neither the stored data nor a stale mark is newer than {@code at} ({@code operator}: "<" or "<="). */
    private static String nothingNewerKnown(UpdateExpressionBuilder update, String at, String operator) {
        String ts = update.conditionValue("ts", AttributeValues.s(at));
        String lastChanged = update.conditionName(LAST_CHANGED_AT);
        String staleSince = update.conditionName(STALE_SINCE);
        return "(attribute_not_exists(" + lastChanged + ") OR " + lastChanged + " " + operator + " " + ts + ")"
                + " AND (attribute_not_exists(" + staleSince + ") OR " + staleSince + " " + operator + " " + ts + ")";
    }

    /** The stale mark is still the one the sync saw, in this epoch. */
    private String markUnchanged(UpdateExpressionBuilder update, String seenStaleSince) {
        return update.conditionName(STALE_SINCE) + " = " + update.conditionValue("seen", AttributeValues.s(seenStaleSince))
                + " AND " + sameEpoch(update);
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
