package com.halopsaconnector.domain;

import java.security.SecureRandom;
import java.util.Base64;

/** The secret part of a webhook callback URL. Only its SHA-256 is ever used as a lookup key. */
public final class CallbackToken {

    private static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    private CallbackToken(String value) {
        this.value = value;
    }

    public static CallbackToken generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return new CallbackToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public static CallbackToken of(String value) {
        return new CallbackToken(value);
    }

    public String value() {
        return value;
    }

    public String sha256Hex() {
        return sha256Hex(value);
    }

    public static String sha256Hex(String text) {
        return Sha256.hex(text);
    }

    @Override
    public String toString() {
        return "CallbackToken[***]";
    }
}
