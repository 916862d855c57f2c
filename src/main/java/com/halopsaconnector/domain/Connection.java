package com.halopsaconnector.domain;

import java.time.Instant;

/**
 * A tenant's stored Halo connection. Secrets appear only sealed (KMS envelope); the callback token
 * only as its SHA-256 and a sealed copy for display.
 */
public record Connection(
        String tenant,
        String authUrl,
        String resourceUrl,
        String haloTenant,
        String clientId,
        String sealedClientSecret,
        String clientSecretHint,
        String scope,
        String callbackTokenHash,
        String sealedCallbackToken,
        WebhookCredential webhookCredential,
        String status,
        Instant connectedAt,
        Instant updatedAt,
        Instant lastWebhookAt,
        long webhooksReceived,
        Instant lastSyncAt,
        long version) {

    public static final String STATUS_CONNECTED = "connected";

    /** This connection with a new callback token, one version later. */
    public Connection withCallbackToken(String tokenHash, String sealedToken, Instant now) {
        return new Connection(tenant, authUrl, resourceUrl, haloTenant, clientId, sealedClientSecret, clientSecretHint,
                scope, tokenHash, sealedToken, webhookCredential, status, connectedAt, now, lastWebhookAt,
                webhooksReceived, lastSyncAt, version + 1);
    }
}
