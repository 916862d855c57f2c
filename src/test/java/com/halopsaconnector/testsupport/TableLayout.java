package com.halopsaconnector.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a well-formed item of the table looks like (SPEC.md, "The table": its layout is an interface
 * the platform's data pipeline reads). {@link #problems} names everything wrong with one item; an
 * empty list means the item is well-formed. Used after fuzz and fault runs.
 */
public final class TableLayout {

    /** DynamoDB's item size limit (400 KB, names and values counted in UTF-8). */
    public static final int MAX_ITEM_BYTES = 400 * 1024;
    private static final Pattern STORED_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    private static final Pattern TICKET_ID = Pattern.compile("0|[1-9]\\d{0,29}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> SOURCES = Set.of("webhook", "sync");
    private static final ObjectMapper JSON = new ObjectMapper();

    private TableLayout() {
    }

    /** Problems of every item, each prefixed with the item's key. */
    public static List<String> problems(List<Map<String, AttributeValue>> items) {
        List<String> problems = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            String key = shortKey(item);
            problems(item).forEach(problem -> problems.add(key + ": " + problem));
        }
        return problems;
    }

    public static List<String> problems(Map<String, AttributeValue> item) {
        List<String> problems = new ArrayList<>();
        String pk = string(item, "pk");
        String sk = string(item, "sk");
        if (pk == null || sk == null) {
            problems.add("pk and sk must both be strings");
            return problems;
        }
        long size = approximateSize(item);
        if (size > MAX_ITEM_BYTES) {
            problems.add("item is " + size + " bytes, over DynamoDB's 400 KB limit");
        }
        if (pk.startsWith("TENANT#") && pk.length() > "TENANT#".length()) {
            tenantItem(item, sk, problems);
        } else if (pk.startsWith("TOKEN#")) {
            if (!SHA256_HEX.matcher(pk.substring("TOKEN#".length())).matches() || !sk.equals("TOKEN")) {
                problems.add("token item outside the key layout");
            }
            requireText(item, "tenant", problems);
        } else if (pk.startsWith("HALO#")) {
            if (!sk.matches("RATE#(\\d+|BLOCKED)")) {
                problems.add("request-budget item outside the key layout");
            }
        } else if (pk.equals("SYNC#DUE")) {
            if (!sk.startsWith("TENANT#")) {
                problems.add("due-list item outside the key layout");
            }
        } else {
            problems.add("pk outside the key layout");
        }
        return problems;
    }

    private static void tenantItem(Map<String, AttributeValue> item, String sk, List<String> problems) {
        if (sk.equals("CONFIG")) {
            requireText(item, "authUrl", problems);
            requireText(item, "resourceUrl", problems);
            requireText(item, "clientId", problems);
            String tokenHash = string(item, "callbackTokenHash");
            if (tokenHash == null || !SHA256_HEX.matcher(tokenHash).matches()) {
                problems.add("connection without a callbackTokenHash");
            }
            if (item.containsKey("webhooksReceived") && item.get("webhooksReceived").n() == null) {
                problems.add("webhooksReceived is not a number");
            }
        } else if (sk.startsWith("EVENT#")) {
            eventItem(item, sk.substring("EVENT#".length()), problems);
        } else if (sk.startsWith("TICKET#")) {
            ticketItem(item, sk.substring("TICKET#".length()), problems);
        } else if (!sk.equals("SYNC#LEASE")) {
            problems.add("sk outside the key layout");
        }
    }

    private static void eventItem(Map<String, AttributeValue> item, String key, List<String> problems) {
        if (key.isBlank() || key.length() > 200) {
            problems.add("event key blank or over 200 characters");
        }
        String raw = string(item, "raw");
        if (raw == null) {
            problems.add("event without raw");
        } else if (!isJsonObject(raw)) {
            problems.add("raw is not a JSON object");
        }
        requireTime(item, "receivedAt", true, problems);
        requireTime(item, "eventTimestamp", false, problems);
        if (!item.containsKey("expiresAt") || item.get("expiresAt").n() == null) {
            problems.add("event without a numeric expiresAt");
        }
        String ticketId = string(item, "ticketId");
        if (item.containsKey("ticketId") && (ticketId == null || !TICKET_ID.matcher(ticketId).matches())) {
            problems.add("event ticketId not a canonical ticket id");
        }
    }

    private static void ticketItem(Map<String, AttributeValue> item, String id, List<String> problems) {
        if (!TICKET_ID.matcher(id).matches()) {
            problems.add("ticket key not a canonical ticket id");
        }
        String ticketId = string(item, "ticketId");
        if (ticketId == null) {
            problems.add("ticket without ticketId");
        } else if (!ticketId.equals(id)) {
            problems.add("ticketId differs from the key");
        }
        boolean stale = item.containsKey("stale") && Boolean.TRUE.equals(item.get("stale").bool());
        if (!item.containsKey("lastChangedAt") && !stale) {
            problems.add("ticket with neither data (lastChangedAt) nor a stale mark");
        }
        requireTime(item, "lastChangedAt", false, problems);
        requireTime(item, "staleSince", stale, problems);
        requireTime(item, "lastEventAt", false, problems);
        if (stale && string(item, "stalePk") == null) {
            problems.add("stale ticket without stalePk (not in the stale-tickets index)");
        }
        String source = string(item, "source");
        if (source != null && !SOURCES.contains(source)) {
            problems.add("unknown source " + source);
        }
        String ticketJson = string(item, "ticketJson");
        if (item.containsKey("ticketJson") && (ticketJson == null || !isJsonObject(ticketJson))) {
            problems.add("ticketJson is not a JSON object");
        }
    }

    /** Item size as DynamoDB counts it, near enough: names and strings in UTF-8, numbers by digits. */
    public static long approximateSize(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8(attribute.getKey()) + size(attribute.getValue());
        }
        return size;
    }

    private static long size(AttributeValue value) {
        if (value.s() != null) {
            return utf8(value.s());
        }
        if (value.n() != null) {
            return value.n().length() / 2 + 2;
        }
        if (value.b() != null) {
            return value.b().asByteArray().length;
        }
        if (value.hasM()) {
            return 3 + approximateSize(value.m());
        }
        if (value.hasL()) {
            return 3 + value.l().stream().mapToLong(element -> 1 + size(element)).sum();
        }
        if (value.hasSs()) {
            return value.ss().stream().mapToLong(TableLayout::utf8).sum();
        }
        return 1;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static void requireText(Map<String, AttributeValue> item, String name, List<String> problems) {
        String value = string(item, name);
        if (value == null || value.isBlank()) {
            problems.add("missing " + name);
        }
    }

    private static void requireTime(Map<String, AttributeValue> item, String name, boolean required, List<String> problems) {
        String value = string(item, name);
        if (value == null) {
            if (required || item.containsKey(name)) {
                problems.add("missing " + name);
            }
        } else if (!STORED_TIME.matcher(value).matches()) {
            problems.add(name + " not in the stored time form: " + value);
        }
    }

    private static boolean isJsonObject(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isObject();
        } catch (Exception e) {
            return false;
        }
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static String shortKey(Map<String, AttributeValue> item) {
        String pk = string(item, "pk");
        String sk = string(item, "sk");
        String key = pk + " / " + sk;
        return key.length() > 160 ? key.substring(0, 160) + "..." : key;
    }
}
