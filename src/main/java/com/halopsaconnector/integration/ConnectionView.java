package com.halopsaconnector.integration;

import java.time.Instant;

import com.halopsaconnector.domain.Connection;
import com.halopsaconnector.domain.SecretHint;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the platform UI is shown of a connection: the secret only masked, the webhook password and
 * Halo tokens never.
 */
@RegisterForReflection(targets = {ConnectionView.class, ConnectionView.WebhookAuthView.class})
public record ConnectionView(String authUrl, String resourceUrl, String tenant, String clientId, String clientSecret,
                             String webhookUrl, WebhookAuthView webhookAuth, String status, Instant connectedAt,
                             Instant updatedAt, Instant lastWebhookAt, long webhooksReceived, Instant lastSync) {

    public record WebhookAuthView(String username) {
    }

    static ConnectionView of(Connection connection, String webhookUrl) {
        return new ConnectionView(connection.authUrl(), connection.resourceUrl(), connection.haloTenant(),
                connection.clientId(), SecretHint.masked(connection.clientSecretHint()), webhookUrl,
                connection.webhookCredential() == null ? null : new WebhookAuthView(connection.webhookCredential().username()),
                connection.status(), connection.connectedAt(), connection.updatedAt(), connection.lastWebhookAt(),
                connection.webhooksReceived(), connection.lastSyncAt());
    }
}
