package com.halopsaconnector.store.connection;

/** Attribute names of the connection item ({@code TENANT#<tenant>} / {@code CONFIG}) and the token item. */
public final class ConnectionAttributes {

    public static final String AUTH_URL = "authUrl";
    public static final String RESOURCE_URL = "resourceUrl";
    public static final String HALO_TENANT = "haloTenant";
    public static final String CLIENT_ID = "clientId";
    public static final String CLIENT_SECRET_SEALED = "clientSecretSealed";
    public static final String CLIENT_SECRET_HINT = "clientSecretHint";
    public static final String SCOPE = "scope";
    public static final String CALLBACK_TOKEN_HASH = "callbackTokenHash";
    public static final String CALLBACK_TOKEN_SEALED = "callbackTokenSealed";
    public static final String WEBHOOK_AUTH_USERNAME = "webhookAuthUsername";
    public static final String WEBHOOK_AUTH_SALT = "webhookAuthSalt";
    public static final String WEBHOOK_AUTH_HASH = "webhookAuthHash";
    public static final String STATUS = "status";
    public static final String CONNECTED_AT = "connectedAt";
    public static final String UPDATED_AT = "updatedAt";
    public static final String LAST_WEBHOOK_AT = "lastWebhookAt";
    public static final String WEBHOOKS_RECEIVED = "webhooksReceived";
    public static final String SYNC = "sync";
    public static final String HALO_TOKEN_SEALED = "haloTokenSealed";
    public static final String HALO_TOKEN_EXPIRES_AT = "haloTokenExpiresAt";
    public static final String VERSION = "version";
    public static final String TENANT = "tenant";
    /** On the token item: the connection's sync epoch, for the webhook's ticket writes. */
    public static final String EPOCH = "epoch";

    private ConnectionAttributes() {
    }
}
