package com.halopsaconnector.webhook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.halopsaconnector.domain.InvalidInputException;
import com.halopsaconnector.domain.WebhookEvent;

/**
 * Turns a delivery's raw body into its events. Halo sends one event as an object, or a batch as an
 * array of objects; anything else is refused before a single event is stored.
 */
@ApplicationScoped
public class DeliveryParser {

    public static final int MAX_BODY_BYTES = 256 * 1024;
    static final String SHAPE = "must be a JSON object or an array of JSON objects";

    @Inject
    ObjectMapper json;

    @Inject
    WebhookEventReader eventReader;

    /**
     * @throws PayloadTooLargeException over {@link #MAX_BODY_BYTES}
     * @throws InvalidInputException (field {@code body}) when it is not JSON of the right shape
     */
    public List<WebhookEvent> parse(byte[] body) {
        if (body != null && body.length > MAX_BODY_BYTES) {
            throw new PayloadTooLargeException();
        }
        JsonNode root = readTree(body);
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
            JsonNode root = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(body);
            if (root == null || root.isMissingNode()) {
                throw new InvalidInputException("body", SHAPE);
            }
            return root;
        } catch (IOException e) {
            throw new InvalidInputException("body", "is not valid JSON; " + SHAPE);
        }
    }
}
