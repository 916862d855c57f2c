package com.halopsaconnector.domain;

/** The few characters of a secret that may be shown back to its owner, and the masked form. */
public final class SecretHint {

    private static final int SHOWN_CHARS = 4;
    private static final int MIN_LENGTH_TO_SHOW_ANY = 12;
    private static final String MASK = "••••••";

    private SecretHint() {
    }

    /** The last four characters, or nothing for secrets too short to reveal any of. */
    public static String of(String secret) {
        if (secret.length() < MIN_LENGTH_TO_SHOW_ANY) {
            return "";
        }
        return secret.substring(secret.length() - SHOWN_CHARS);
    }

    public static String masked(String hint) {
        return MASK + (hint == null ? "" : hint);
    }
}
