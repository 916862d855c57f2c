package com.halopsaconnector.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The Basic-auth user name and a salted PBKDF2-HMAC-SHA256 hash of the password that a tenant's
 * webhook demands. The password itself is never kept.
 *
 * <p>The work factor is fixed here and never read from storage: whoever can write the table must not
 * be able to lower it for the next check.
 */
public record WebhookCredential(String username, byte[] salt, byte[] passwordHash) {

    /** OWASP's Password Storage Cheat Sheet figure for PBKDF2-HMAC-SHA256. */
    public static final int ITERATIONS = 600_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    public static WebhookCredential create(String username, String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new WebhookCredential(username, salt, hash(password, salt));
    }

    /** Compares in constant time for the password and the user name alike. */
    public boolean matches(String givenUsername, String givenPassword) {
        byte[] expectedUser = username.getBytes(StandardCharsets.UTF_8);
        byte[] givenUser = givenUsername.getBytes(StandardCharsets.UTF_8);
        boolean userMatches = MessageDigest.isEqual(Sha256.digest(expectedUser), Sha256.digest(givenUser));
        boolean passwordMatches = MessageDigest.isEqual(passwordHash, hash(givenPassword, salt));
        return userMatches & passwordMatches;
    }

    private static byte[] hash(String password, byte[] salt) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookCredential that && username.equals(that.username)
                && Arrays.equals(salt, that.salt) && Arrays.equals(passwordHash, that.passwordHash);
    }

    @Override
    public int hashCode() {
        return username.hashCode() * 31 + Arrays.hashCode(passwordHash);
    }

    @Override
    public String toString() {
        return "WebhookCredential[username=" + username + ", password=***]";
    }
}
