package com.halopsaconnector.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

import com.halopsaconnector.domain.WebhookCredential;

class VerifiedCredentialsTest {

    static final SecureRandom RANDOM = new SecureRandom();
    static final String HEADER = "Basic aGFsbzpob29rLXBhc3M=";

    final VerifiedCredentials verified = new VerifiedCredentials();

    @Test
    void knowsOnlyTheExactHeaderThatVerified() {
        WebhookCredential stored = credential();
        assertThat(verified.contains(stored, HEADER)).isFalse();

        verified.remember(stored, HEADER);

        assertThat(verified.contains(stored, HEADER)).isTrue();
        assertThat(verified.contains(stored, HEADER + "=")).isFalse();
        assertThat(verified.contains(stored, "basic aGFsbzpob29rLXBhc3M=")).isFalse();
    }

    @Test
    void aNewStoredCredential_needsItsOwnVerification() {
        WebhookCredential before = credential();
        verified.remember(before, HEADER);

        assertThat(verified.contains(credential(), HEADER)).isFalse();
        assertThat(verified.contains(new WebhookCredential("other", before.salt(), before.passwordHash()), HEADER)).isFalse();
    }

    @Test
    void keepsAtMostItsCapacity_droppingTheLeastRecentlyUsed() {
        WebhookCredential stored = credential();
        verified.remember(stored, HEADER);
        for (int i = 0; i < VerifiedCredentials.CAPACITY; i++) {
            if (i == VerifiedCredentials.CAPACITY / 2) {
                assertThat(verified.contains(stored, HEADER)).isTrue();
            }
            verified.remember(stored, "Basic header-" + i);
        }

        assertThat(verified.size()).isEqualTo(VerifiedCredentials.CAPACITY);
        assertThat(verified.contains(stored, HEADER)).as("used recently, so kept").isTrue();
        assertThat(verified.contains(stored, "Basic header-0")).as("least recently used, so dropped").isFalse();
    }

    /** A stored credential as the table holds it; no hashing needed for these tests. */
    private static WebhookCredential credential() {
        byte[] salt = new byte[16];
        byte[] hash = new byte[32];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(hash);
        return new WebhookCredential("halo", salt, hash);
    }
}
