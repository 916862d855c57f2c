package com.halopsaconnector.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import com.halopsaconnector.domain.WebhookCredential;

/**
 * Remembers, for the life of a warm function instance, which exact Authorization headers already
 * verified against which stored credential, so that Halo's deliveries pay the PBKDF2 hash once per
 * instance rather than once per delivery. Only successes are remembered: every wrong guess pays
 * the full hash.
 *
 * <p>An entry is an HMAC-SHA256 of the stored credential (user name, salt, hash) and the header,
 * under a key made at start-up and kept nowhere else. A new password comes with a new salt, so the
 * header of the old one no longer finds an entry. At most {@link #CAPACITY} entries are kept; the
 * least recently used one goes first.
 */
@ApplicationScoped
class VerifiedCredentials {

    static final int CAPACITY = 1024;
    private static final String MAC = "HmacSHA256";

    private final SecretKeySpec instanceKey = randomKey();
    private final Map<String, Boolean> verified = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    boolean contains(WebhookCredential stored, String authorizationHeader) {
        String fingerprint = fingerprint(stored, authorizationHeader);
        synchronized (verified) {
            return verified.get(fingerprint) != null;
        }
    }

    void remember(WebhookCredential stored, String authorizationHeader) {
        String fingerprint = fingerprint(stored, authorizationHeader);
        synchronized (verified) {
            verified.put(fingerprint, Boolean.TRUE);
        }
    }

    int size() {
        synchronized (verified) {
            return verified.size();
        }
    }

    private String fingerprint(WebhookCredential stored, String authorizationHeader) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(instanceKey);
            field(mac, stored.username().getBytes(StandardCharsets.UTF_8));
            field(mac, stored.salt());
            field(mac, stored.passwordHash());
            field(mac, authorizationHeader.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(MAC + " is missing from this JVM", e);
        }
    }

    /** Length first, so that two different lists of fields never feed the MAC the same bytes. */
    private static void field(Mac mac, byte[] value) {
        mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(value.length).array());
        mac.update(value);
    }

    private static SecretKeySpec randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SecretKeySpec(key, MAC);
    }
}
