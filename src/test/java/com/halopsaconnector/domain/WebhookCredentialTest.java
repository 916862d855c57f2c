package com.halopsaconnector.domain;

import static org.assertj.core.api.Assertions.assertThat;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.junit.jupiter.api.Test;

class WebhookCredentialTest {

    @Test
    void matchesOnlyTheExactUserAndPassword() {
        WebhookCredential credential = WebhookCredential.create("halo", "correct horse");
        assertThat(credential.matches("halo", "correct horse")).isTrue();
        assertThat(credential.matches("halo", "correct horse ")).isFalse();
        assertThat(credential.matches("Halo", "correct horse")).isFalse();
        assertThat(credential.matches("", "")).isFalse();
    }

    @Test
    void keepsNoPasswordAndPrintsNone() {
        WebhookCredential credential = WebhookCredential.create("halo", "correct horse");
        assertThat(new String(credential.passwordHash(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("correct");
        assertThat(credential.toString()).doesNotContain("correct horse");
        assertThat(WebhookCredential.create("halo", "correct horse").salt()).isNotEqualTo(credential.salt());
    }

    @Test
    void hashesWithPbkdf2HmacSha256AtOwaspStrength() throws Exception {
        WebhookCredential credential = WebhookCredential.create("halo", "correct horse");
        byte[] expected = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec("correct horse".toCharArray(), credential.salt(), 600_000, 256)).getEncoded();

        assertThat(credential.passwordHash()).isEqualTo(expected);
    }
}
