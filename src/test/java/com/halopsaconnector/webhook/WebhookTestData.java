package com.halopsaconnector.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.halopsaconnector.testsupport.Table;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Halo events written for a test, and readers of what a tenant's webhook stored. */
final class WebhookTestData {

    private WebhookTestData() {
    }

    static String newTenant() {
        return "tenant-" + UUID.randomUUID();
    }

    static String newEventId() {
        return UUID.randomUUID().toString();
    }

    /** A "full object" event whose ticket was last updated at {@code lastUpdate}. */
    static String fullEvent(String id, int ticketId, String lastUpdate, String summary) {
        return """
                {"id":"%s","webhook_id":"wh-1","event":"ticket updated","object_id":%d,"timestamp":"%s",\
                "ticket":{"id":%d,"summary":"%s","status_id":2,"last_update":"%s"}}"""
                .formatted(id, ticketId, lastUpdate, ticketId, summary, lastUpdate);
    }

    /** An "event information only" event with a timestamp. */
    static String eventOnly(String id, int ticketId, String timestamp) {
        return """
                {"id":"%s","webhook_id":"wh-1","event":"ticket updated","object_id":"%d","timestamp":"%s"}"""
                .formatted(id, ticketId, timestamp);
    }

    static String batch(List<String> events) {
        return "[" + String.join(",", events) + "]";
    }

    static List<Map<String, AttributeValue>> eventItems(Table table, String tenant) {
        return itemsWithPrefix(table, tenant, "EVENT#");
    }

    static List<Map<String, AttributeValue>> ticketItems(Table table, String tenant) {
        return itemsWithPrefix(table, tenant, "TICKET#");
    }

    static Map<String, AttributeValue> eventItem(Table table, String tenant, String eventKey) {
        return table.item("TENANT#" + tenant, "EVENT#" + eventKey).orElseThrow(() -> new AssertionError("no event " + eventKey));
    }

    static Map<String, AttributeValue> ticketItem(Table table, String tenant, String ticketId) {
        return table.item("TENANT#" + tenant, "TICKET#" + ticketId).orElseThrow(() -> new AssertionError("no ticket " + ticketId));
    }

    /** The connection's sync epoch, which the webhook's ticket writes carry (as the token item names it). */
    static long epochOf(Table table, String tenant) {
        return Long.parseLong(table.item("TENANT#" + tenant, "CONFIG").orElseThrow().get("sync").m().get("epoch").n());
    }

    static long webhooksReceived(Table table, String tenant) {
        AttributeValue value = table.item("TENANT#" + tenant, "CONFIG").orElseThrow().get("webhooksReceived");
        return value == null ? 0 : Long.parseLong(value.n());
    }

    private static List<Map<String, AttributeValue>> itemsWithPrefix(Table table, String tenant, String prefix) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (Map<String, AttributeValue> item : table.itemsOf("TENANT#" + tenant)) {
            if (item.get("sk").s().startsWith(prefix)) {
                items.add(item);
            }
        }
        return items;
    }
}
