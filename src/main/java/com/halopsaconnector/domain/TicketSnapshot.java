package com.halopsaconnector.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ticket fields one webhook event carried. {@code fields} holds only the {@link #TRACKED_FIELDS}
 * the event named, each a {@code String}, {@code java.math.BigDecimal}, {@code Boolean}, or
 * {@code null} when Halo sent null; {@code json} is the whole ticket object as Halo sent it.
 */
public record TicketSnapshot(Map<String, Object> fields, Instant lastUpdate, String json) {

    /** Halo's names, which are also the ticket item's attribute names. */
    public static final List<String> TRACKED_FIELDS = List.of("summary", "status_id", "agent_id", "client_id",
            "client_name", "team", "priority_id", "tickettype_id", "dateoccurred", "lastactiondate", "last_update");

    public static final String LAST_UPDATE = "last_update";

    /** A ticket's JSON longer than this is not kept on the ticket item (the event's raw JSON has it). */
    public static final int MAX_JSON_CHARS = 100_000;

    public boolean jsonFitsTicketItem() {
        return json.length() <= MAX_JSON_CHARS;
    }

    /** The same data with Halo's {@code last_update} replaced, in {@link #fields} too (in the stored time format). */
    public TicketSnapshot withLastUpdate(Instant replacement) {
        Map<String, Object> replaced = new LinkedHashMap<>(fields);
        replaced.put(LAST_UPDATE, HaloTime.sortable(replacement));
        return new TicketSnapshot(replaced, replacement, json);
    }
}
