package com.halopsaconnector.webhook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.halopsaconnector.domain.InvalidInputException;
import com.halopsaconnector.domain.WebhookEvent;

/**
 * Turns a delivery's raw body into its events. Halo sends one event as an object, or a batch as an
 * array of objects; anything else is refused before a single event is stored. Decimal numbers are
 * read exactly, as written, so that values no double can hold ({@code 1e400}, {@code 1e-400}) are
 * kept rather than turned into infinity or zero.
 */
@ApplicationScoped
public class DeliveryParser {

    public static final int MAX_BODY_BYTES = 256 * 1024;
    public static final int MAX_EVENTS = 500;
    static final String SHAPE = "must be a JSON object or an array of JSON objects";
    static final String NUMBER_OUT_OF_RANGE = "holds a number whose exponent is out of range";
    static final String BEYOND_READING_LIMITS =
            "holds a number of more than 1000 characters, or is nested too deeply to read";

    @Inject
    ObjectMapper json;

    @Inject
    WebhookEventReader eventReader;

    /**
     * @throws PayloadTooLargeException over {@link #MAX_BODY_BYTES}, or over {@link #MAX_EVENTS} events
     * @throws InvalidInputException (field {@code body}) when it is not JSON of the right shape
     */
    public List<WebhookEvent> parse(byte[] body) {
        if (body != null && body.length > MAX_BODY_BYTES) {
            throw PayloadTooLargeException.bodyOver(MAX_BODY_BYTES);
        }
        JsonNode root = readTree(body);
        if (root.isArray() && root.size() > MAX_EVENTS) {
            throw PayloadTooLargeException.eventsOver(MAX_EVENTS, root.size());
        }
        List<JsonNode> elements = new ArrayList<>();
        if (root.isObject()) {
            elements.add(root);
        } else if (root.isArray()) {
            root.forEach(elements::add);
        }
        if (!(root.isObject() || root.isArray()) || !elements.stream().allMatch(JsonNode::isObject)) {
            throw new InvalidInputException("body", SHAPE);
        }
        return elements.stream().map(eventReader::read).toList();
    }

    private JsonNode readTree(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("body", SHAPE);
        }
        try {
            JsonNode root = json.reader()
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                    .readTree(body);
            if (root == null || root.isMissingNode()) {
                throw new InvalidInputException("body", SHAPE);
            }
            return root;
        } catch (StreamConstraintsException e) {
            throw new InvalidInputException("body", BEYOND_READING_LIMITS);
        } catch (IOException e) {
            throw new InvalidInputException("body", "is not valid JSON; " + SHAPE);
        } catch (NumberFormatException e) {
            // Jackson reports an exponent beyond what BigDecimal holds (e.g. 1e2147483648) this way, not as an IOException.
            throw new InvalidInputException("body", NUMBER_OUT_OF_RANGE);
        }
    }
}
