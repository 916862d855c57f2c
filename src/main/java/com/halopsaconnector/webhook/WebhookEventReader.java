package com.halopsaconnector.webhook;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.halopsaconnector.domain.HaloTime;
import com.halopsaconnector.domain.TicketIds;
import com.halopsaconnector.domain.TicketSnapshot;
import com.halopsaconnector.domain.WebhookEvent;

/**
 * Reads one event of any of Halo's payload types: "event information only", "key fields only" and
 * "full object". Every field Halo sent is kept in the raw JSON; only the few we index are read.
 */
@ApplicationScoped
public class WebhookEventReader {

    /** DynamoDB numbers hold 38 significant digits; larger ones are kept as text. */
    private static final int MAX_NUMBER_DIGITS = 38;

    @Inject
    ObjectMapper json;

    public WebhookEvent read(JsonNode event) {
        String raw = write(event);
        JsonNode ticketNode = event.path("ticket");
        String ticketId = TicketIds.normalise(scalar(event.get("object_id")))
                .or(() -> TicketIds.normalise(scalar(ticketNode.get("id"))))
                .orElse(null);
        TicketSnapshot ticket = ticketId != null && carriesTicketData(ticketNode) ? snapshot(ticketNode) : null;
        return new WebhookEvent(WebhookEvent.keyFor(scalar(event.get("id")), raw), scalar(event.get("event")),
                ticketId, scalar(event.get("webhook_id")), time(event.get("timestamp")), raw, ticket);
    }

    /** A ticket object with nothing but ids says no more than the event itself. */
    private static boolean carriesTicketData(JsonNode ticket) {
        if (!ticket.isObject()) {
            return false;
        }
        return TicketSnapshot.TRACKED_FIELDS.stream().anyMatch(ticket::has);
    }

    private TicketSnapshot snapshot(JsonNode ticket) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String name : TicketSnapshot.TRACKED_FIELDS) {
            if (ticket.has(name)) {
                fields.put(name, value(ticket.get(name)));
            }
        }
        return new TicketSnapshot(fields, time(ticket.get(TicketSnapshot.LAST_UPDATE)), write(ticket));
    }

    private Object value(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            BigDecimal number = node.decimalValue();
            return number.precision() <= MAX_NUMBER_DIGITS && Math.abs(number.scale()) < 100 ? number : node.asText();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isValueNode() ? node.asText() : write(node);
    }

    /** Text of a string or number field; null when absent, null, or not a scalar. */
    private static String scalar(JsonNode node) {
        if (node == null || !(node.isTextual() || node.isNumber())) {
            return null;
        }
        return node.isIntegralNumber() ? node.bigIntegerValue().toString() : node.asText();
    }

    private static Instant time(JsonNode node) {
        return node != null && node.isTextual() ? HaloTime.parse(node.textValue()).orElse(null) : null;
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A parsed JSON tree could not be written back", e);
        }
    }
}
