package com.halopsaconnector.domain;

/**
 * The tenant a callback token belongs to, the Basic credential its webhook demands ({@code null}
 * when none is configured), and the sync epoch of the Halo data the connection points at, which
 * every ticket write of a delivery carries.
 */
public record CallbackTokenOwner(String tenant, WebhookCredential webhookCredential, long epoch) {
}
