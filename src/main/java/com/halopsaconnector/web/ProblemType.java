package com.halopsaconnector.web;

/** Every kind of error this service answers with; docs/problems.md explains each. */
public enum ProblemType {
    INVALID_INPUT("invalid-input", "Invalid input", 400),
    UNAUTHENTICATED("unauthenticated", "Missing or invalid bearer token", 401),
    WEBHOOK_UNAUTHENTICATED("webhook-unauthenticated", "Missing or wrong webhook credentials", 401),
    FORBIDDEN("forbidden", "Not allowed", 403),
    NOT_FOUND("not-found", "Not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    CONCURRENT_UPDATE("concurrent-update", "Changed by another request", 409),
    SYNC_RUNNING("sync-running", "A sync is already running", 409),
    PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    HALO_CREDENTIALS_REJECTED("halo-credentials-rejected", "Halo rejected the credentials", 422),
    HALO_PERMISSION_DENIED("halo-permission-denied", "Halo denied access to tickets", 422),
    INTERNAL("internal-error", "Internal error", 500),
    STORED_SECRET_UNREADABLE("stored-secret-unreadable", "A stored secret cannot be read", 500),
    HALO_UNREACHABLE("halo-unreachable", "Halo could not be reached", 502),
    HALO_ANSWER_TOO_LARGE("halo-answer-too-large", "Halo's answer was too large", 502),
    HALO_RATE_LIMITED("halo-rate-limited", "Halo is rate-limiting requests", 503),
    STORAGE_UNAVAILABLE("storage-unavailable", "Storage temporarily unavailable", 503),
    REQUEST_TIMED_OUT("request-timed-out", "The request ran out of time", 504);

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }
}
