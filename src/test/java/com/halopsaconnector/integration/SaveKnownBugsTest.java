package com.halopsaconnector.integration;

import static com.halopsaconnector.integration.HaloIntegrationApi.adminOf;
import static org.hamcrest.Matchers.lessThan;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.halopsaconnector.testsupport.HaloStubs;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The bug the Save And Sync fuzz run found (docs/reliability.md, "Bugs found"; fixed), smallest input.
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class SaveKnownBugsTest {

    @Test
    void unpairedSurrogateInTheClientId_isNotA5xx() {
        HaloStubs halo = HaloStubs.fromConfig().acceptsAnyClient().servesTickets();
        String body = """
                {"authUrl":"%s","resourceUrl":"%s","tenant":"acme","clientId":"client-\\udc00","clientSecret":"a-secret-0001"}"""
                .formatted(halo.authUrl(), halo.resourceUrl());

        HaloIntegrationApi.save(adminOf("tenant-" + UUID.randomUUID()), body).statusCode(lessThan(500));
    }
}
