package com.halopsaconnector.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Platform JWTs signed with the test run's key; each method names what is wrong with the token, if anything. */
public final class TestTokens {

    /** An hour: a test that holds on to one token for a long run never sees it expire, even on a slow machine. */
    static final long LIFETIME_SECONDS = 3600;
    public static final String ISSUER = "https://platform.test";
    public static final String AUDIENCE = "halopsa-connector";
    public static final String ADMIN = "integrations-admin";

    private TestTokens() {
    }

    public static String admin(String tenant) {
        return claims(tenant).groups(Set.of(ADMIN, "users")).sign(JwtKeys.privateKey());
    }

    public static String reader(String tenant) {
        return claims(tenant).groups(Set.of("users")).sign(JwtKeys.privateKey());
    }

    public static String expired(String tenant) {
        return claims(tenant).groups(Set.of(ADMIN)).issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600)).sign(JwtKeys.privateKey());
    }

    public static String wrongIssuer(String tenant) {
        return claims(tenant).issuer("https://evil.test").groups(Set.of(ADMIN)).sign(JwtKeys.privateKey());
    }

    public static String wrongAudience(String tenant) {
        return claims(tenant).audience("another-service").groups(Set.of(ADMIN)).sign(JwtKeys.privateKey());
    }

    public static String withoutTenant() {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject("user-1").groups(Set.of(ADMIN))
                .expiresIn(LIFETIME_SECONDS).sign(JwtKeys.privateKey());
    }

    /** A valid admin token whose payload was then edited to claim another tenant. */
    public static String tampered(String tenant, String claimedTenant) {
        String[] parts = admin(tenant).split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]));
        String forged = payload.replace("\"" + tenant + "\"", "\"" + claimedTenant + "\"");
        return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes())
                + "." + parts[2];
    }

    /** Valid claims of an admin, unsigned: {@code alg: none} and an empty signature. */
    public static String algNone(String tenant) {
        return base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64Url(adminClaimsJson(tenant)) + ".";
    }

    /**
     * Valid claims of an admin "signed" with HS256, using the bytes of the platform's RSA public key
     * as the HMAC secret: the key-confusion attack on verifiers that let the token pick the algorithm.
     * {@code pemText} true: the PEM file's text as the secret; false: the key's DER bytes.
     */
    public static String hs256WithPublicKey(String tenant, boolean pemText) {
        try {
            byte[] secret = pemText ? Files.readAllBytes(JwtKeys.PUBLIC_PEM) : derOfPublicKey();
            String signingInput = base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + base64Url(adminClaimsJson(tenant));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An admin token with a {@code kid} the key source does not have, signed with {@code key}. */
    public static String unknownKeyId(String tenant, PrivateKey key) {
        return claims(tenant).groups(Set.of(ADMIN)).jws().keyId("no-such-key-" + UUID.randomUUID()).sign(key);
    }

    /** A token of the tenant without a {@code groups} claim at all. */
    public static String withoutGroups(String tenant) {
        return claims(tenant).sign(JwtKeys.privateKey());
    }

    /** An admin token whose {@code tenant_id} is exactly {@code tenant} (blank, huge, ...), signed with the right key. */
    public static String adminWithTenantClaim(String tenant) {
        return claims(tenant).groups(Set.of(ADMIN)).sign(JwtKeys.privateKey());
    }

    private static String adminClaimsJson(String tenant) {
        long now = Instant.now().getEpochSecond();
        return "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"user-" + tenant + "\",\"tenant_id\":\"" + tenant
                + "\",\"groups\":[\"" + ADMIN + "\",\"users\"],\"iat\":" + now + ",\"exp\":" + (now + LIFETIME_SECONDS) + "}";
    }

    private static byte[] derOfPublicKey() throws IOException {
        String pem = Files.readString(JwtKeys.PUBLIC_PEM);
        return Base64.getMimeDecoder().decode(pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", ""));
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static JwtClaimsBuilder claims(String tenant) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject("user-" + tenant).claim("tenant_id", tenant).expiresIn(LIFETIME_SECONDS);
    }
}
