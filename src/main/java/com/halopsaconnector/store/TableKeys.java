package com.halopsaconnector.store;

import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Key layout of the single table; the platform's data pipeline reads the same layout. */
public final class TableKeys {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String EXPIRES_AT = "expiresAt";
    public static final String CONNECTION_SK = "CONFIG";
    public static final String TOKEN_SK = "TOKEN";
    public static final String SYNC_LEASE_SK = "SYNC#LEASE";
    public static final String SYNC_DUE_PK = "SYNC#DUE";

    private TableKeys() {
    }

    public static String tenantPk(String tenant) {
        return "TENANT#" + tenant;
    }

    public static String tokenPk(String tokenSha256Hex) {
        return "TOKEN#" + tokenSha256Hex;
    }

    public static String eventSk(String eventId) {
        return "EVENT#" + eventId;
    }

    public static String ticketSk(String ticketId) {
        return "TICKET#" + ticketId;
    }

    public static Map<String, AttributeValue> syncLeaseKey(String tenant) {
        return key(tenantPk(tenant), SYNC_LEASE_SK);
    }

    /** The tenant's entry in the sync due-list: one small partition the scheduler reads instead of scanning. */
    public static Map<String, AttributeValue> syncDueKey(String tenant) {
        return key(SYNC_DUE_PK, tenantPk(tenant));
    }

    public static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValues.s(pk), SK, AttributeValues.s(sk));
    }

    public static Map<String, AttributeValue> connectionKey(String tenant) {
        return key(tenantPk(tenant), CONNECTION_SK);
    }

    public static Map<String, AttributeValue> tokenKey(String tokenSha256Hex) {
        return key(tokenPk(tokenSha256Hex), TOKEN_SK);
    }
}
