package com.halopsaconnector.integration;

import static com.halopsaconnector.integration.HaloIntegrationApi.adminOf;
import static org.hamcrest.Matchers.lessThan;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.halopsaconnector.testsupport.HaloStubs;
import com.halopsaconnector.testsupport.KnownBugs;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The bug the Save And Sync fuzz run found ({@link KnownBugs}, docs/reliability.md), smallest input.
 * It fails today, so it is disabled with the bug's name; run it with
 * {@code -Djunit.jupiter.conditions.deactivate=org.junit.*DisabledCondition}.
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
