package com.halopsaconnector.store.sealing;

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

import com.halopsaconnector.store.AwsCalls;
import com.halopsaconnector.store.StoreUnavailableException;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;

/**
 * Envelope encryption with KMS: a fresh data key per secret, AES-256-GCM locally, the encrypted
 * data key kept beside the ciphertext. The tenant and the secret's {@link SecretPurpose} are the
 * KMS encryption context and the GCM AAD, so a sealed value copied to another tenant's item, or to
 * another attribute of the same item, cannot be opened.
 *
 * <p>Format {@code v2.<encrypted data key>.<iv>.<ciphertext>} (base64). Format {@code v1} bound the
 * tenant only; it was never deployed, so it is refused like any unknown format.
 */
@ApplicationScoped
public class SecretSealer {

    public static final String TENANT_KEY = "tenant";
    public static final String PURPOSE_KEY = "purpose";
    static final String FORMAT_PREFIX = "v2";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    KmsClient kms;

    @ConfigProperty(name = "connector.kms-key-id")
    String keyId;

    public String seal(String tenant, SecretPurpose purpose, String plaintext) {
        GenerateDataKeyResponse dataKey = AwsCalls.guarded("KMS", () -> kms.generateDataKey(r -> r.keyId(keyId)
                .keySpec(DataKeySpec.AES_256).encryptionContext(context(tenant, purpose))));
        byte[] key = dataKey.plaintext().asByteArray();
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            byte[] ciphertext = aesGcm(Cipher.ENCRYPT_MODE, key, iv, tenant, purpose)
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

    /**
     * @throws SealedValueUnreadableException when {@code sealed} was not sealed for this tenant and
     *         purpose by this format, or was altered
     * @throws StoreUnavailableException when KMS could not be asked
     */
    public String unseal(String tenant, SecretPurpose purpose, String sealed) {
        String[] parts = sealed.split("\\.");
        if (parts.length != 4 || !FORMAT_PREFIX.equals(parts[0])) {
            throw new SealedValueUnreadableException(purpose, null);
        }
        byte[] encryptedKey;
        byte[] iv;
        byte[] ciphertext;
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            encryptedKey = b64.decode(parts[1]);
            iv = b64.decode(parts[2]);
            ciphertext = b64.decode(parts[3]);
        } catch (IllegalArgumentException notBase64) {
            throw new SealedValueUnreadableException(purpose, notBase64);
        }
        byte[] key = dataKey(tenant, purpose, encryptedKey);
        try {
            return new String(aesGcm(Cipher.DECRYPT_MODE, key, iv, tenant, purpose).doFinal(ciphertext),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new SealedValueUnreadableException(purpose, e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private byte[] dataKey(String tenant, SecretPurpose purpose, byte[] encryptedKey) {
        try {
            return kms.decrypt(r -> r.keyId(keyId).ciphertextBlob(SdkBytes.fromByteArray(encryptedKey))
                    .encryptionContext(context(tenant, purpose))).plaintext().asByteArray();
        } catch (InvalidCiphertextException | IncorrectKeyException refused) {
            // KMS's answer when the encryption context differs from the one the data key was made with.
            throw new SealedValueUnreadableException(purpose, refused);
        } catch (SdkException e) {
            throw new StoreUnavailableException("KMS", e);
        }
    }

    private static Cipher aesGcm(int mode, byte[] key, byte[] iv, String tenant, SecretPurpose purpose)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(aad(tenant, purpose));
        return cipher;
    }

    /** Unambiguous because neither the format prefix nor a purpose value contains '/'. */
    private static byte[] aad(String tenant, SecretPurpose purpose) {
        return (FORMAT_PREFIX + "/" + purpose.contextValue() + "/" + tenant).getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> context(String tenant, SecretPurpose purpose) {
        return Map.of(TENANT_KEY, tenant, PURPOSE_KEY, purpose.contextValue());
    }
}
