package com.halopsaconnector.domain;

import java.time.Instant;

/**
 * A tenant's stored Halo connection. Secrets appear only sealed (KMS envelope); the callback token
 * only as its SHA-256 and a sealed copy for display.
 *
 * @param haloToken the cached Halo access token, or {@code null} when none is stored
 * @param version   increases with every save and rotation; writes are conditional on it
 */
public record Connection(
        String tenant,
        HaloSettings halo,
        SealedSecret clientSecret,
        WebhookAccess webhook,
        String status,
        Instant connectedAt,
        Instant updatedAt,
        WebhookActivity activity,
        SyncState sync,
        SealedHaloToken haloToken,
        long version) {

    public static final String STATUS_CONNECTED = "connected";

    /** This connection with a new callback token, one version later. */
    public Connection withWebhook(WebhookAccess newWebhook, Instant now) {
        return new Connection(tenant, halo, clientSecret, newWebhook, status, connectedAt, now, activity, sync,
                haloToken, version + 1);
    }
}
