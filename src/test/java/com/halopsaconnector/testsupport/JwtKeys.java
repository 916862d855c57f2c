package com.halopsaconnector.testsupport;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * An RSA key pair made for this test run and written under target/, so the application (public key)
 * and the tests (private key) read the same pair whatever class loader they run in.
 */
public final class JwtKeys {

    static final Path DIR = Path.of("target", "test-jwt");
    static final Path PUBLIC_PEM = DIR.resolve("public.pem");
    static final Path PRIVATE_DER = DIR.resolve("private.der");
    public static final Path JWKS = DIR.resolve("jwks.json");
    public static final String JWKS_KEY_ID = "platform-key-1";

    private JwtKeys() {
    }

    public static synchronized Path ensurePublicKeyFile() {
        if (Files.exists(PUBLIC_PEM) && Files.exists(PRIVATE_DER) && Files.exists(JWKS)) {
            return PUBLIC_PEM;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(DIR);
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(PUBLIC_PEM, pem);
            Files.writeString(JWKS, jwks((RSAPublicKey) pair.getPublic()));
            Files.write(PRIVATE_DER, pair.getPrivate().getEncoded());
            return PUBLIC_PEM;
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same public key as a JSON Web Key Set, as an identity provider publishes it. */
    private static String jwks(RSAPublicKey key) {
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + JWKS_KEY_ID
                + "\",\"n\":\"" + unsignedBase64Url(key.getModulus()) + "\",\"e\":\"" + unsignedBase64Url(key.getPublicExponent())
                + "\"}]}";
    }

    private static String unsignedBase64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static PrivateKey privateKey() {
        try {
            ensurePublicKeyFile();
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(PRIVATE_DER)));
        } catch (IOException | NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }
}
