package com.halopsaconnector.store;

/** Attribute names of the connection item ({@code TENANT#<tenant>} / {@code CONFIG}) and the token item. */
final class ConnectionAttributes {

    static final String AUTH_URL = "authUrl";
    static final String RESOURCE_URL = "resourceUrl";
    static final String HALO_TENANT = "haloTenant";
    static final String CLIENT_ID = "clientId";
    static final String CLIENT_SECRET_SEALED = "clientSecretSealed";
    static final String CLIENT_SECRET_HINT = "clientSecretHint";
    static final String SCOPE = "scope";
    static final String CALLBACK_TOKEN_HASH = "callbackTokenHash";
    static final String CALLBACK_TOKEN_SEALED = "callbackTokenSealed";
    static final String WEBHOOK_AUTH_USERNAME = "webhookAuthUsername";
    static final String WEBHOOK_AUTH_SALT = "webhookAuthSalt";
    static final String WEBHOOK_AUTH_HASH = "webhookAuthHash";
    static final String STATUS = "status";
    static final String CONNECTED_AT = "connectedAt";
    static final String UPDATED_AT = "updatedAt";
    static final String LAST_WEBHOOK_AT = "lastWebhookAt";
    static final String WEBHOOKS_RECEIVED = "webhooksReceived";
    static final String SYNC = "sync";
    static final String HALO_TOKEN_SEALED = "haloTokenSealed";
    static final String HALO_TOKEN_EXPIRES_AT = "haloTokenExpiresAt";
    static final String VERSION = "version";
    static final String TENANT = "tenant";

    private ConnectionAttributes() {
    }
}
