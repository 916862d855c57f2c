package com.halopsaconnector.store.sync;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.halopsaconnector.domain.HaloTime;
import com.halopsaconnector.domain.SyncCursor;
import com.halopsaconnector.domain.SyncPass;
import com.halopsaconnector.domain.SyncState;
import com.halopsaconnector.domain.TicketFailure;
import com.halopsaconnector.store.AttributeValues;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The connection item's {@code sync} map: what the customer sees of the ticket sync, and the cursor
 * an unfinished one resumes from. Times use the table's fixed-width UTC form; absent values are
 * left out of the map.
 */
public final class SyncStateAttributes {

    public static final String EPOCH = "epoch";
    private static final String PHASE = "state";
    private static final String TICKETS_SYNCED = "ticketsSynced";
    private static final String COMPLETE = "complete";
    private static final String WATERMARK = "watermark";
    private static final String LAST_SUCCESS_AT = "lastSuccessAt";
    private static final String NEXT_RUN_AT = "nextRunAt";
    private static final String ERROR = "error";
    private static final String CURSOR = "cursor";
    private static final String PASS = "pass";
    private static final String PAGE = "page";
    private static final String LAST_FIRST_ID = "lastFirstId";
    private static final String STARTED_AT = "startedAt";
    private static final String CHECKING = "checking";
    private static final String HALO_PAGE_SIZE = "haloPageSize";
    private static final String RESUME_AFTER = "resumeAfter";
    private static final String FAILED_RUNS = "failedRuns";
    private static final String FAILED_TICKETS = "failedTickets";
    private static final String TICKET_ID = "ticketId";
    private static final String RETRY_AT = "retryAt";

    private SyncStateAttributes() {
    }

    public static AttributeValue toAttribute(SyncState state) {
        Map<String, AttributeValue> map = new HashMap<>();
        map.put(PHASE, AttributeValues.s(state.phase().name().toLowerCase(Locale.ROOT)));
        map.put(TICKETS_SYNCED, AttributeValues.n(state.ticketsSynced()));
        map.put(COMPLETE, AttributeValues.bool(state.complete()));
        putTime(map, WATERMARK, state.watermark());
        putTime(map, LAST_SUCCESS_AT, state.lastSuccessAt());
        putTime(map, NEXT_RUN_AT, state.nextRunAt());
        if (state.error() != null) {
            map.put(ERROR, AttributeValues.s(state.error()));
        }
        if (state.cursor() != null) {
            map.put(CURSOR, AttributeValue.fromM(cursor(state.cursor())));
        }
        map.put(EPOCH, AttributeValues.n(state.epoch()));
        if (state.failedRuns() > 0) {
            map.put(FAILED_RUNS, AttributeValues.n(state.failedRuns()));
        }
        if (!state.failedTickets().isEmpty()) {
            map.put(FAILED_TICKETS, AttributeValue.fromL(state.failedTickets().stream()
                    .map(SyncStateAttributes::failure).toList()));
        }
        return AttributeValue.fromM(map);
    }

    public static SyncState fromMap(Map<String, AttributeValue> map) {
        AttributeValue complete = map.get(COMPLETE);
        AttributeValue cursor = map.get(CURSOR);
        return new SyncState(
                SyncState.Phase.valueOf(AttributeValues.string(map, PHASE).toUpperCase(Locale.ROOT)),
                AttributeValues.number(map, TICKETS_SYNCED),
                complete != null && Boolean.TRUE.equals(complete.bool()),
                AttributeValues.instant(map, WATERMARK),
                AttributeValues.instant(map, LAST_SUCCESS_AT),
                AttributeValues.instant(map, NEXT_RUN_AT),
                AttributeValues.string(map, ERROR),
                cursor == null ? null : cursor(cursor.m()),
                AttributeValues.number(map, EPOCH),
                map.containsKey(FAILED_RUNS) ? (int) AttributeValues.number(map, FAILED_RUNS) : 0,
                map.containsKey(FAILED_TICKETS) ? map.get(FAILED_TICKETS).l().stream().map(item -> failure(item.m())).toList()
                        : List.of());
    }

    private static Map<String, AttributeValue> cursor(SyncCursor cursor) {
        Map<String, AttributeValue> map = new HashMap<>();
        map.put(PASS, AttributeValues.s(cursor.pass().name()));
        map.put(PAGE, AttributeValues.n(cursor.page()));
        if (cursor.lastFirstId() != null) {
            map.put(LAST_FIRST_ID, AttributeValues.s(cursor.lastFirstId()));
        }
        putTime(map, STARTED_AT, cursor.startedAt());
        map.put(CHECKING, AttributeValues.bool(cursor.checking()));
        map.put(HALO_PAGE_SIZE, AttributeValues.n(cursor.haloPageSize()));
        if (cursor.resumeAfter() != null) {
            map.put(RESUME_AFTER, AttributeValues.s(cursor.resumeAfter()));
        }
        return map;
    }

    private static SyncCursor cursor(Map<String, AttributeValue> map) {
        AttributeValue checking = map.get(CHECKING);
        return new SyncCursor(SyncPass.valueOf(AttributeValues.string(map, PASS)),
                checking != null && Boolean.TRUE.equals(checking.bool()),
                (int) AttributeValues.number(map, PAGE),
                AttributeValues.string(map, LAST_FIRST_ID),
                map.containsKey(HALO_PAGE_SIZE) ? (int) AttributeValues.number(map, HALO_PAGE_SIZE) : 0,
                AttributeValues.string(map, RESUME_AFTER),
                AttributeValues.instant(map, STARTED_AT));
    }

    private static AttributeValue failure(TicketFailure failure) {
        Map<String, AttributeValue> map = new HashMap<>();
        map.put(TICKET_ID, AttributeValues.s(failure.ticketId()));
        map.put(ERROR, AttributeValues.s(failure.error()));
        putTime(map, RETRY_AT, failure.retryAt());
        return AttributeValue.fromM(map);
    }

    private static TicketFailure failure(Map<String, AttributeValue> map) {
        return new TicketFailure(AttributeValues.string(map, TICKET_ID), AttributeValues.string(map, ERROR),
                AttributeValues.instant(map, RETRY_AT));
    }

    private static void putTime(Map<String, AttributeValue> map, String name, Instant value) {
        if (value != null) {
            map.put(name, AttributeValues.s(HaloTime.sortable(value)));
        }
    }
}
