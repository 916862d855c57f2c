package com.halopsaconnector.testsupport;

import java.time.Instant;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Platform JWTs signed with the test run's key; each method names what is wrong with the token, if anything. */
public final class TestTokens {

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
                .expiresIn(300).sign(JwtKeys.privateKey());
    }

    /** A valid admin token whose payload was then edited to claim another tenant. */
    public static String tampered(String tenant, String claimedTenant) {
        String[] parts = admin(tenant).split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]));
        String forged = payload.replace("\"" + tenant + "\"", "\"" + claimedTenant + "\"");
        return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes())
                + "." + parts[2];
    }

    private static JwtClaimsBuilder claims(String tenant) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject("user-" + tenant).claim("tenant_id", tenant).expiresIn(300);
    }
}
