package com.halopsaconnector.store.connection;

import static com.halopsaconnector.store.connection.ConnectionAttributes.*;

import java.util.HashMap;
import java.util.Map;

import com.halopsaconnector.domain.Connection;
import com.halopsaconnector.domain.HaloSettings;
import com.halopsaconnector.domain.SealedHaloToken;
import com.halopsaconnector.domain.SealedSecret;
import com.halopsaconnector.domain.SyncState;
import com.halopsaconnector.domain.WebhookAccess;
import com.halopsaconnector.domain.WebhookActivity;
import com.halopsaconnector.store.AttributeValues;
import com.halopsaconnector.store.TableKeys;
import com.halopsaconnector.store.sync.SyncStateAttributes;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Connection item to and from {@link Connection}. */
final class ConnectionItemMapper {

    private ConnectionItemMapper() {
    }

    static Connection fromItem(String tenant, Map<String, AttributeValue> item) {
        HaloSettings halo = new HaloSettings(
                AttributeValues.string(item, AUTH_URL),
                AttributeValues.string(item, RESOURCE_URL),
                AttributeValues.string(item, HALO_TENANT),
                AttributeValues.string(item, CLIENT_ID),
                AttributeValues.string(item, SCOPE));
        SealedSecret secret = new SealedSecret(AttributeValues.string(item, CLIENT_SECRET_SEALED),
                AttributeValues.string(item, CLIENT_SECRET_HINT));
        WebhookAccess webhook = new WebhookAccess(AttributeValues.string(item, CALLBACK_TOKEN_HASH),
                AttributeValues.string(item, CALLBACK_TOKEN_SEALED), WebhookCredentialAttributes.fromItem(item));
        WebhookActivity activity = new WebhookActivity(AttributeValues.instant(item, LAST_WEBHOOK_AT),
                AttributeValues.number(item, WEBHOOKS_RECEIVED));
        long version = AttributeValues.number(item, VERSION);
        SyncState sync = item.containsKey(SYNC) ? SyncStateAttributes.fromMap(item.get(SYNC).m())
                : SyncState.notStarted(version, AttributeValues.instant(item, CONNECTED_AT));
        return new Connection(tenant, halo, secret, webhook, AttributeValues.string(item, STATUS),
                AttributeValues.instant(item, CONNECTED_AT), AttributeValues.instant(item, UPDATED_AT), activity, sync,
                haloToken(item), version);
    }

    private static SealedHaloToken haloToken(Map<String, AttributeValue> item) {
        String sealed = AttributeValues.string(item, HALO_TOKEN_SEALED);
        return sealed == null ? null : new SealedHaloToken(sealed, AttributeValues.instant(item, HALO_TOKEN_EXPIRES_AT));
    }

    /**
     * The attributes a save owns. Counters written by the webhook and the sync's progress are
     * deliberately absent, so a save never overwrites them with values it read earlier.
     */
    static Map<String, AttributeValue> savedAttributes(Connection connection) {
        Map<String, AttributeValue> attributes = new HashMap<>();
        HaloSettings halo = connection.halo();
        attributes.put(AUTH_URL, AttributeValues.s(halo.authUrl()));
        attributes.put(RESOURCE_URL, AttributeValues.s(halo.resourceUrl()));
        attributes.put(HALO_TENANT, AttributeValues.s(halo.haloTenant()));
        attributes.put(CLIENT_ID, AttributeValues.s(halo.clientId()));
        attributes.put(SCOPE, AttributeValues.s(halo.scope()));
        attributes.put(CLIENT_SECRET_SEALED, AttributeValues.s(connection.clientSecret().sealed()));
        attributes.put(CLIENT_SECRET_HINT, AttributeValues.s(connection.clientSecret().hint()));
        attributes.put(CALLBACK_TOKEN_HASH, AttributeValues.s(connection.webhook().callbackTokenHash()));
        attributes.put(CALLBACK_TOKEN_SEALED, AttributeValues.s(connection.webhook().sealedCallbackToken()));
        attributes.put(STATUS, AttributeValues.s(connection.status()));
        attributes.put(CONNECTED_AT, AttributeValues.instant(connection.connectedAt()));
        attributes.put(UPDATED_AT, AttributeValues.instant(connection.updatedAt()));
        attributes.put(VERSION, AttributeValues.n(connection.version()));
        attributes.putAll(WebhookCredentialAttributes.toAttributes(connection.webhook().credential()));
        return attributes;
    }

    static Map<String, AttributeValue> haloTokenAttributes(SealedHaloToken token) {
        return Map.of(HALO_TOKEN_SEALED, AttributeValues.s(token.sealed()),
                HALO_TOKEN_EXPIRES_AT, AttributeValues.instant(token.expiresAt()));
    }

    static Map<String, AttributeValue> tokenItem(Connection connection) {
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.tokenKey(connection.webhook().callbackTokenHash()));
        item.put(TENANT, AttributeValues.s(connection.tenant()));
        item.put(UPDATED_AT, AttributeValues.instant(connection.updatedAt()));
        item.put(EPOCH, AttributeValues.n(connection.sync().epoch()));
        item.putAll(WebhookCredentialAttributes.toAttributes(connection.webhook().credential()));
        return item;
    }
}
