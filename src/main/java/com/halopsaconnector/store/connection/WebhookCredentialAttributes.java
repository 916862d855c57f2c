package com.halopsaconnector.store.connection;

import static com.halopsaconnector.store.connection.ConnectionAttributes.WEBHOOK_AUTH_HASH;
import static com.halopsaconnector.store.connection.ConnectionAttributes.WEBHOOK_AUTH_SALT;
import static com.halopsaconnector.store.connection.ConnectionAttributes.WEBHOOK_AUTH_USERNAME;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.halopsaconnector.domain.WebhookCredential;
import com.halopsaconnector.store.AttributeValues;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads and writes the webhook Basic-auth hash, kept on both the connection and the token item. The
 * PBKDF2 work factor is not stored: {@link WebhookCredential#ITERATIONS} is the only one.
 */
final class WebhookCredentialAttributes {

    static final List<String> NAMES = List.of(WEBHOOK_AUTH_USERNAME, WEBHOOK_AUTH_SALT, WEBHOOK_AUTH_HASH);

    private WebhookCredentialAttributes() {
    }

    static Map<String, AttributeValue> toAttributes(WebhookCredential credential) {
        Map<String, AttributeValue> attributes = new HashMap<>();
        if (credential != null) {
            attributes.put(WEBHOOK_AUTH_USERNAME, AttributeValues.s(credential.username()));
            attributes.put(WEBHOOK_AUTH_SALT, AttributeValues.b(credential.salt()));
            attributes.put(WEBHOOK_AUTH_HASH, AttributeValues.b(credential.passwordHash()));
        }
        return attributes;
    }

    static WebhookCredential fromItem(Map<String, AttributeValue> item) {
        String username = AttributeValues.string(item, WEBHOOK_AUTH_USERNAME);
        if (username == null) {
            return null;
        }
        return new WebhookCredential(username, AttributeValues.bytes(item, WEBHOOK_AUTH_SALT),
                AttributeValues.bytes(item, WEBHOOK_AUTH_HASH));
    }
}
