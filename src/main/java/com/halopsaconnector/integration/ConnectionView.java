package com.halopsaconnector.integration;

import java.time.Instant;

import com.halopsaconnector.domain.Connection;
import com.halopsaconnector.domain.SecretHint;
import com.halopsaconnector.domain.SyncState;
import com.halopsaconnector.domain.WebhookCredential;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the platform UI is shown of a connection: the secret only masked, the webhook password and
 * Halo tokens never.
 */
@RegisterForReflection(targets = {ConnectionView.class, ConnectionView.WebhookAuthView.class, SyncView.class,
    SyncView.FailedTicketView.class})
public record ConnectionView(String authUrl, String resourceUrl, String tenant, String clientId, String clientSecret,
                             String webhookUrl, WebhookAuthView webhookAuth, String status, Instant connectedAt,
                             Instant updatedAt, Instant lastWebhookAt, long webhooksReceived, SyncView sync) {

    public record WebhookAuthView(String username) {
    }

    static ConnectionView of(Connection connection, String webhookUrl) {
        return of(connection, connection.sync(), webhookUrl);
    }

    /** With a sync state newer than the one the connection was read with. */
    static ConnectionView of(Connection connection, SyncState sync, String webhookUrl) {
        WebhookCredential credential = connection.webhook().credential();
        return new ConnectionView(connection.halo().authUrl(), connection.halo().resourceUrl(),
                connection.halo().haloTenant(), connection.halo().clientId(),
                SecretHint.masked(connection.clientSecret().hint()), webhookUrl,
                credential == null ? null : new WebhookAuthView(credential.username()),
                connection.status(), connection.connectedAt(), connection.updatedAt(),
                connection.activity().lastWebhookAt(), connection.activity().webhooksReceived(), SyncView.of(sync));
    }
}
