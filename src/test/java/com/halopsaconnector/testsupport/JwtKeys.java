package com.halopsaconnector.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * An RSA key pair made for this test run and written under target/, so the application (public key)
 * and the tests (private key) read the same pair whatever class loader they run in.
 */
public final class JwtKeys {

    static final Path DIR = Path.of("target", "test-jwt");
    static final Path PUBLIC_PEM = DIR.resolve("public.pem");
    static final Path PRIVATE_DER = DIR.resolve("private.der");

    private JwtKeys() {
    }

    static synchronized Path ensurePublicKeyFile() {
        if (Files.exists(PUBLIC_PEM) && Files.exists(PRIVATE_DER)) {
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
            Files.write(PRIVATE_DER, pair.getPrivate().getEncoded());
            return PUBLIC_PEM;
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
