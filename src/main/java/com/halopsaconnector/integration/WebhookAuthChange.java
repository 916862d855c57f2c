package com.halopsaconnector.integration;

/** What a save does to the webhook's Basic auth: keep it, remove it, or set a new pair. */
public record WebhookAuthChange(Kind kind, String username, String password) {

    public enum Kind { KEEP, REMOVE, SET }

    public static final WebhookAuthChange KEEP = new WebhookAuthChange(Kind.KEEP, null, null);
    public static final WebhookAuthChange REMOVE = new WebhookAuthChange(Kind.REMOVE, null, null);

    public static WebhookAuthChange set(String username, String password) {
        return new WebhookAuthChange(Kind.SET, username, password);
    }

    @Override
    public String toString() {
        return "WebhookAuthChange[" + kind + (username == null ? "" : ", username=" + username + ", password=***") + "]";
    }
}
