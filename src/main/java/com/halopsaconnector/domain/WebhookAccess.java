package com.halopsaconnector.domain;

/**
 * What lets Halo's deliveries in: the callback token (only its SHA-256 and a sealed copy for
 * display) and, when the tenant asked for it, a Basic credential ({@code null} otherwise).
 */
public record WebhookAccess(String callbackTokenHash, String sealedCallbackToken, WebhookCredential credential) {

    public WebhookAccess withCredential(WebhookCredential newCredential) {
        return new WebhookAccess(callbackTokenHash, sealedCallbackToken, newCredential);
    }
}
