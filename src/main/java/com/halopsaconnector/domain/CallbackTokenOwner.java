package com.halopsaconnector.domain;

/**
 * The tenant a callback token belongs to, and the Basic credential its webhook demands
 * ({@code null} when none is configured).
 */
public record CallbackTokenOwner(String tenant, WebhookCredential webhookCredential) {
}
