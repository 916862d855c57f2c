package com.halopsaconnector.store;

import static com.halopsaconnector.store.ConnectionAttributes.*;

import java.util.HashMap;
import java.util.Map;

import com.halopsaconnector.domain.Connection;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Connection item to and from {@link Connection}. */
final class ConnectionItemMapper {

    private ConnectionItemMapper() {
    }

    static Connection fromItem(String tenant, Map<String, AttributeValue> item) {
        return new Connection(tenant,
                AttributeValues.string(item, AUTH_URL),
                AttributeValues.string(item, RESOURCE_URL),
                AttributeValues.string(item, HALO_TENANT),
                AttributeValues.string(item, CLIENT_ID),
                AttributeValues.string(item, CLIENT_SECRET_SEALED),
                AttributeValues.string(item, CLIENT_SECRET_HINT),
                AttributeValues.string(item, SCOPE),
                AttributeValues.string(item, CALLBACK_TOKEN_HASH),
                AttributeValues.string(item, CALLBACK_TOKEN_SEALED),
                WebhookCredentialAttributes.fromItem(item),
                AttributeValues.string(item, STATUS),
                AttributeValues.instant(item, CONNECTED_AT),
                AttributeValues.instant(item, UPDATED_AT),
                AttributeValues.instant(item, LAST_WEBHOOK_AT),
                AttributeValues.number(item, WEBHOOKS_RECEIVED),
                AttributeValues.instant(item, LAST_SYNC_AT),
                AttributeValues.number(item, VERSION));
    }

    /**
     * The attributes a save owns. Counters and timestamps written by the webhook and the sync are
     * deliberately absent, so a save never overwrites them with values it read earlier.
     */
    static Map<String, AttributeValue> savedAttributes(Connection connection) {
        Map<String, AttributeValue> attributes = new HashMap<>();
        attributes.put(AUTH_URL, AttributeValues.s(connection.authUrl()));
        attributes.put(RESOURCE_URL, AttributeValues.s(connection.resourceUrl()));
        attributes.put(HALO_TENANT, AttributeValues.s(connection.haloTenant()));
        attributes.put(CLIENT_ID, AttributeValues.s(connection.clientId()));
        attributes.put(CLIENT_SECRET_SEALED, AttributeValues.s(connection.sealedClientSecret()));
        attributes.put(CLIENT_SECRET_HINT, AttributeValues.s(connection.clientSecretHint()));
        attributes.put(SCOPE, AttributeValues.s(connection.scope()));
        attributes.put(CALLBACK_TOKEN_HASH, AttributeValues.s(connection.callbackTokenHash()));
        attributes.put(CALLBACK_TOKEN_SEALED, AttributeValues.s(connection.sealedCallbackToken()));
        attributes.put(STATUS, AttributeValues.s(connection.status()));
        attributes.put(CONNECTED_AT, AttributeValues.instant(connection.connectedAt()));
        attributes.put(UPDATED_AT, AttributeValues.instant(connection.updatedAt()));
        attributes.put(VERSION, AttributeValues.n(connection.version()));
        attributes.putAll(WebhookCredentialAttributes.toAttributes(connection.webhookCredential()));
        return attributes;
    }

    static Map<String, AttributeValue> tokenItem(Connection connection) {
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.tokenKey(connection.callbackTokenHash()));
        item.put(TENANT, AttributeValues.s(connection.tenant()));
        item.put(UPDATED_AT, AttributeValues.instant(connection.updatedAt()));
        item.putAll(WebhookCredentialAttributes.toAttributes(connection.webhookCredential()));
        return item;
    }
}
