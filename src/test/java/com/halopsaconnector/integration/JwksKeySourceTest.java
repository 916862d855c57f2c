package com.halopsaconnector.integration;

import static org.hamcrest.Matchers.equalTo;

import java.security.KeyPairGenerator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.halopsaconnector.testsupport.JwtKeys;
import com.halopsaconnector.testsupport.TestEnvironment;
import com.halopsaconnector.testsupport.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;

/**
 * The platform's identity provider publishes a JSON Web Key Set; the key location may name one.
 * (A file here: the location must be known when the test build starts, and WireMock's port is not.)
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
@TestProfile(JwksKeySourceTest.JwksLocation.class)
class JwksKeySourceTest {

    public static class JwksLocation implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.jwt.verify.publickey.location", "file:" + JwtKeys.JWKS);
        }
    }

    @Test
    void tokenSignedWithThePublishedKey_isAccepted_andOneSignedWithAnotherKeyIsNot() throws Exception {
        String tenant = "tenant-" + UUID.randomUUID();
        String signed = Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject("user")
                .claim("tenant_id", tenant).groups(Set.of(TestTokens.ADMIN)).expiresIn(300)
                .jws().keyId(JwtKeys.JWKS_KEY_ID).sign(JwtKeys.privateKey());
        HaloIntegrationApi.show(signed).statusCode(404).body("detail", equalTo("No Halo connection is saved for this tenant."));

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String otherKey = Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject("user")
                .claim("tenant_id", tenant).expiresIn(300).jws().keyId(JwtKeys.JWKS_KEY_ID)
                .sign(generator.generateKeyPair().getPrivate());
        HaloIntegrationApi.show(otherKey).statusCode(401);
    }
}
