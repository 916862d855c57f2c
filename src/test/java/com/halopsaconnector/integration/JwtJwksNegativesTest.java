package com.halopsaconnector.integration;

import static org.hamcrest.Matchers.equalTo;

import java.security.KeyPairGenerator;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.halopsaconnector.testsupport.JwtKeys;
import com.halopsaconnector.testsupport.TestEnvironment;
import com.halopsaconnector.testsupport.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The key cases of {@link JwtNegativesTest} with the key source a production deployment has: the
 * identity provider's JSON Web Key Set (same profile as {@link JwksKeySourceTest}, so no extra restart).
 * No connection is saved: a token that gets through reads 404, one that does not gets 401.
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
@TestProfile(JwksKeySourceTest.JwksLocation.class)
class JwtJwksNegativesTest {

    final String tenant = "tenant-jwks-" + UUID.randomUUID();

    @Test
    void unknownKeyId_isUnauthenticated_whicheverKeySignedIt() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        HaloIntegrationApi.show(TestTokens.unknownKeyId(tenant, generator.generateKeyPair().getPrivate()))
                .statusCode(401).body("status", equalTo(401));
        HaloIntegrationApi.show(TestTokens.unknownKeyId(tenant, JwtKeys.privateKey()))
                .statusCode(401).body("status", equalTo(401));
    }

    @Test
    void algNone_andHs256WithThePublicKey_areUnauthenticated() {
        HaloIntegrationApi.show(TestTokens.algNone(tenant)).statusCode(401);
        HaloIntegrationApi.show(TestTokens.hs256WithPublicKey(tenant, true)).statusCode(401);
        HaloIntegrationApi.show(TestTokens.hs256WithPublicKey(tenant, false)).statusCode(401);
    }
}
