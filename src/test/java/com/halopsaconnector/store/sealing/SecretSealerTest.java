package com.halopsaconnector.store.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Sealing against moto's KMS: a value opens only for the tenant and the purpose it was sealed for. */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class SecretSealerTest {

    static final String PLAINTEXT = "a-client-secret-0001";

    @Inject
    SecretSealer sealer;

    @Test
    void opensForTheSameTenantAndPurpose() {
        for (SecretPurpose purpose : SecretPurpose.values()) {
            String sealed = sealer.seal("tenant-a", purpose, PLAINTEXT);
            assertThat(sealed).startsWith("v2.").doesNotContain(PLAINTEXT);
            assertThat(sealer.unseal("tenant-a", purpose, sealed)).isEqualTo(PLAINTEXT);
        }
    }

    @Test
    void refusesAnotherPurposeOfTheSameTenant() {
        String sealed = sealer.seal("tenant-a", SecretPurpose.CLIENT_SECRET, PLAINTEXT);

        assertThatThrownBy(() -> sealer.unseal("tenant-a", SecretPurpose.CALLBACK_TOKEN, sealed))
                .isInstanceOf(SealedValueUnreadableException.class)
                .hasMessageNotContaining(PLAINTEXT);
        assertThatThrownBy(() -> sealer.unseal("tenant-a", SecretPurpose.HALO_TOKEN, sealed))
                .isInstanceOf(SealedValueUnreadableException.class);
    }

    @Test
    void refusesAnotherTenant() {
        String sealed = sealer.seal("tenant-a", SecretPurpose.CLIENT_SECRET, PLAINTEXT);

        assertThatThrownBy(() -> sealer.unseal("tenant-b", SecretPurpose.CLIENT_SECRET, sealed))
                .isInstanceOf(SealedValueUnreadableException.class);
    }

    @Test
    void refusesAlteredCiphertext_andOtherFormats() {
        String[] parts = sealer.seal("tenant-a", SecretPurpose.CLIENT_SECRET, PLAINTEXT).split("\\.");
        byte[] ciphertext = Base64.getDecoder().decode(parts[3]);
        ciphertext[0] ^= 1;
        String altered = String.join(".", parts[0], parts[1], parts[2], Base64.getEncoder().encodeToString(ciphertext));
        String formerFormat = String.join(".", "v1", parts[1], parts[2], parts[3]);

        for (String sealed : new String[] {altered, formerFormat, "v2.not base64.x.y", "plain text"}) {
            assertThatThrownBy(() -> sealer.unseal("tenant-a", SecretPurpose.CLIENT_SECRET, sealed))
                    .as(sealed).isInstanceOf(SealedValueUnreadableException.class);
        }
    }
}
