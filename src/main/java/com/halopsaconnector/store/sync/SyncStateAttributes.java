package com.halopsaconnector.store.sync;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.halopsaconnector.domain.HaloTime;
import com.halopsaconnector.domain.SyncCursor;
import com.halopsaconnector.domain.SyncPass;
import com.halopsaconnector.domain.SyncState;
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
                AttributeValues.number(map, EPOCH));
    }

    private static Map<String, AttributeValue> cursor(SyncCursor cursor) {
        Map<String, AttributeValue> map = new HashMap<>();
        map.put(PASS, AttributeValues.s(cursor.pass().name()));
        map.put(PAGE, AttributeValues.n(cursor.page()));
        if (cursor.lastFirstId() != null) {
            map.put(LAST_FIRST_ID, AttributeValues.s(cursor.lastFirstId()));
        }
        putTime(map, STARTED_AT, cursor.startedAt());
        return map;
    }

    private static SyncCursor cursor(Map<String, AttributeValue> map) {
        return new SyncCursor(SyncPass.valueOf(AttributeValues.string(map, PASS)), (int) AttributeValues.number(map, PAGE),
                AttributeValues.string(map, LAST_FIRST_ID), AttributeValues.instant(map, STARTED_AT));
    }

    private static void putTime(Map<String, AttributeValue> map, String name, Instant value) {
        if (value != null) {
            map.put(name, AttributeValues.s(HaloTime.sortable(value)));
        }
    }
}
