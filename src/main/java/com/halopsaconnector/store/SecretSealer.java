package com.halopsaconnector.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;

/**
 * Envelope encryption with KMS: a fresh data key per secret, AES-256-GCM locally, the encrypted
 * data key kept beside the ciphertext. The tenant is the KMS encryption context and the GCM AAD,
 * so a sealed value copied to another tenant's item cannot be opened.
 */
@ApplicationScoped
public class SecretSealer {

    static final String CONTEXT_KEY = "tenant";
    private static final String FORMAT_PREFIX = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    KmsClient kms;

    @ConfigProperty(name = "connector.kms-key-id")
    String keyId;

    public String seal(String tenant, String plaintext) {
        GenerateDataKeyResponse dataKey = AwsCalls.guarded("KMS", () -> kms.generateDataKey(r -> r.keyId(keyId)
                .keySpec(DataKeySpec.AES_256).encryptionContext(context(tenant))));
        byte[] key = dataKey.plaintext().asByteArray();
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            byte[] ciphertext = aesGcm(Cipher.ENCRYPT_MODE, key, iv, tenant)
                    .doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder b64 = Base64.getEncoder();
            return String.join(".", FORMAT_PREFIX, b64.encodeToString(dataKey.ciphertextBlob().asByteArray()),
                    b64.encodeToString(iv), b64.encodeToString(ciphertext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM sealing failed", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    public String unseal(String tenant, String sealed) {
        String[] parts = sealed.split("\\.");
        if (parts.length != 4 || !FORMAT_PREFIX.equals(parts[0])) {
            throw new IllegalStateException("Sealed value has an unknown format");
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] encryptedKey = b64.decode(parts[1]);
        DecryptResponse decrypted = AwsCalls.guarded("KMS", () -> kms.decrypt(r -> r.keyId(keyId)
                .ciphertextBlob(SdkBytes.fromByteArray(encryptedKey)).encryptionContext(context(tenant))));
        byte[] key = decrypted.plaintext().asByteArray();
        try {
            byte[] plaintext = aesGcm(Cipher.DECRYPT_MODE, key, b64.decode(parts[2]), tenant).doFinal(b64.decode(parts[3]));
            return new String(plaintext, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Sealed value failed authentication", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static Cipher aesGcm(int mode, byte[] key, byte[] iv, String tenant) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(tenant.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static Map<String, String> context(String tenant) {
        return Map.of(CONTEXT_KEY, tenant);
    }
}
