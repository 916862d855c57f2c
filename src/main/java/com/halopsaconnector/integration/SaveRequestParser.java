package com.halopsaconnector.integration;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.halopsaconnector.domain.FieldError;
import com.halopsaconnector.domain.InvalidInputException;
import com.halopsaconnector.domain.UnicodeText;

/**
 * Reads the Save And Sync body by hand so that every bad field, wrong type included, is named in
 * one answer. Values are trimmed; limits: URLs 2048 characters, everything else 512.
 */
@ApplicationScoped
public class SaveRequestParser {

    static final int MAX_URL = 2048;
    static final int MAX_VALUE = 512;
    private static final String DEFAULT_SCOPE = "all";

    @Inject
    ObjectMapper json;

    public SaveCommand parse(byte[] body) {
        JsonNode root = readObject(body);
        List<FieldError> errors = new ArrayList<>();
        Fields fields = new Fields(root, errors);
        String authUrl = fields.url("authUrl");
        String resourceUrl = fields.url("resourceUrl");
        String haloTenant = fields.optional("tenant", "");
        String clientId = fields.required("clientId", MAX_VALUE);
        String secret = fields.optional("clientSecret", "");
        String scope = fields.optional("scope", DEFAULT_SCOPE);
        WebhookAuthChange webhookAuth = webhookAuth(root, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new SaveCommand(authUrl, resourceUrl, haloTenant, clientId, secret.isEmpty() ? null : secret,
                scope.isEmpty() ? DEFAULT_SCOPE : scope, webhookAuth);
    }

    private JsonNode readObject(byte[] body) {
        JsonNode root;
        try {
            root = body == null || body.length == 0 ? null : json.readTree(body);
        } catch (IOException e) {
            throw new InvalidInputException("body", "must be a JSON object");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("body", "must be a JSON object");
        }
        return root;
    }

    private static WebhookAuthChange webhookAuth(JsonNode root, List<FieldError> errors) {
        if (!root.has("webhookAuth")) {
            return WebhookAuthChange.KEEP;
        }
        JsonNode node = root.get("webhookAuth");
        if (node.isNull()) {
            return WebhookAuthChange.REMOVE;
        }
        if (!node.isObject()) {
            errors.add(new FieldError("webhookAuth", "must be an object with username and password, or null to remove it"));
            return null;
        }
        Fields fields = new Fields(node, errors, "webhookAuth.");
        String username = fields.required("username", MAX_VALUE);
        String password = fields.required("password", MAX_VALUE);
        if (username != null && username.contains(":")) {
            errors.add(new FieldError("webhookAuth.username", "must not contain ':'"));
        }
        return WebhookAuthChange.set(username, password);
    }

    /** Reads string fields of one JSON object, recording an error per bad field. */
    private static final class Fields {
        private final JsonNode node;
        private final List<FieldError> errors;
        private final String prefix;

        Fields(JsonNode node, List<FieldError> errors) {
            this(node, errors, "");
        }

        Fields(JsonNode node, List<FieldError> errors, String prefix) {
            this.node = node;
            this.errors = errors;
            this.prefix = prefix;
        }

        String url(String name) {
            String value = required(name, MAX_URL);
            if (value != null && !value.matches("(?i)^[a-z][a-z0-9+.-]*://\\S+$")) {
                error(name, "must be an absolute URL such as https://yourcompany.halopsa.com/auth");
                return null;
            }
            return value;
        }

        String required(String name, int maxLength) {
            String value = text(name, maxLength);
            if (value == null || value.isEmpty()) {
                if (value != null || !hasError(name)) {
                    error(name, "is required");
                }
                return null;
            }
            return value;
        }

        String optional(String name, String fallback) {
            String value = text(name, MAX_VALUE);
            return value == null ? fallback : value;
        }

        private String text(String name, int maxLength) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual()) {
                error(name, "must be a string");
                return null;
            }
            String trimmed = value.asText().trim();
            if (!UnicodeText.isWellFormed(trimmed)) {
                error(name, "must be valid Unicode text");
                return null;
            }
            if (trimmed.length() > maxLength) {
                error(name, "must be at most " + maxLength + " characters");
                return null;
            }
            return trimmed;
        }

        private boolean hasError(String name) {
            return errors.stream().anyMatch(e -> e.field().equals(prefix + name));
        }

        private void error(String name, String message) {
            errors.add(new FieldError(prefix + name, message));
        }
    }
}
