package com.halopsaconnector.halo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.halopsaconnector.domain.HaloTime;
import com.halopsaconnector.domain.TicketIds;
import com.halopsaconnector.domain.TicketSnapshot;

/**
 * Reads a Halo ticket object, wherever it came from: a webhook's "full object" payload or the
 * ticket API. Only the fields we index are read; the whole object is kept as JSON.
 */
@ApplicationScoped
public class HaloTicketJson {

    /**
     * DynamoDB numbers hold 38 significant digits, magnitudes from 1E-130 to under 1E+126; other
     * numbers are kept as their text.
     */
    private static final int MAX_NUMBER_DIGITS = 38;
    static final int MAX_FIELD_CHARS = 10_000;
    private static final int MIN_NUMBER_EXPONENT = -130;
    private static final int MAX_NUMBER_EXPONENT = 125;
    /** Halo writes dates before 1980 as its "empty" placeholder. */
    private static final Instant EMPTY_DATE_BEFORE = Instant.parse("1980-01-01T00:00:00Z");

    private final ObjectMapper json;

    @Inject
    public HaloTicketJson(ObjectMapper json) {
        this.json = json;
    }

    /** The ticket's id, normalised; empty when it has none we can use. */
    public static Optional<String> id(JsonNode ticket) {
        return TicketIds.normalise(scalar(ticket.get("id")));
    }

    public TicketSnapshot snapshot(JsonNode ticket) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String name : TicketSnapshot.TRACKED_FIELDS) {
            if (ticket.has(name)) {
                fields.put(name, value(ticket.get(name)));
            }
        }
        Instant lastUpdate = time(ticket.get(TicketSnapshot.LAST_UPDATE));
        return new TicketSnapshot(fields, lastUpdate != null && lastUpdate.isBefore(EMPTY_DATE_BEFORE) ? null : lastUpdate,
                write(ticket));
    }

    /** Text of a string or number field; null when absent, null, or not a scalar. */
    public static String scalar(JsonNode node) {
        if (node == null || !(node.isTextual() || node.isNumber())) {
            return null;
        }
        return node.isIntegralNumber() ? node.bigIntegerValue().toString() : node.asText();
    }

    public static Instant time(JsonNode node) {
        return node != null && node.isTextual() ? HaloTime.parse(node.textValue()).orElse(null) : null;
    }

    public String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A parsed JSON tree could not be written back", e);
        }
    }

    /** The number when DynamoDB can hold it exactly, else its text ("1E+400", "Infinity"). */
    private static Object storableNumber(JsonNode node) {
        if (node.isFloatingPointNumber() && !node.isBigDecimal() && !Double.isFinite(node.doubleValue())) {
            return node.asText();
        }
        BigDecimal number = node.decimalValue();
        if (number.signum() == 0) {
            // 0E-2147483647 is zero too, but its plain text would be two billion characters long.
            return BigDecimal.ZERO;
        }
        long exponent = (long) number.precision() - number.scale() - 1;
        boolean fits = number.precision() <= MAX_NUMBER_DIGITS
                && exponent >= MIN_NUMBER_EXPONENT && exponent <= MAX_NUMBER_EXPONENT;
        return fits ? number : node.asText();
    }

    private Object value(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return storableNumber(node);
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return capped(node.isValueNode() ? node.asText() : write(node));
    }

    /**
     * A tracked text field is an index for dashboards, not the record: past 10,000 characters it is
     * cut, so that a ticket item stays far below DynamoDB's 400 KB (the whole ticket is kept in
     * {@code ticketJson} up to {@link TicketSnapshot#MAX_JSON_CHARS}, and in the event's raw JSON).
     */
    private static String capped(String text) {
        return text.length() > MAX_FIELD_CHARS ? text.substring(0, MAX_FIELD_CHARS) : text;
    }
}
