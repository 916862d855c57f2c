package com.halopsaconnector.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.halopsaconnector.domain.CallbackToken;
import com.halopsaconnector.testsupport.HeldStoreCalls;
import com.halopsaconnector.testsupport.Hold;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A rotate that lands between a delete's read and its write: the delete reads again and deletes
 * what is there now, so it still ends with nothing stored (and DELETE still answers 204). The
 * race is made by holding moto's answer to the delete's read until the rotate has written.
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class DeleteRaceTest {

    @Inject
    HaloConnectionService connections;

    @Inject
    Table table;

    String tenant;

    @BeforeEach
    void setUp() {
        tenant = "tenant-" + UUID.randomUUID();
    }

    @Test
    void aRotateBetweenTheDeletesReadAndWrite_isDeletedToo() throws Exception {
        String oldToken = TestConnections.connect(tenant);
        String newToken;
        try (HeldStoreCalls store = HeldStoreCalls.start(); Hold reads = store.holdReadsMentioning("TENANT#" + tenant)) {
            CompletableFuture<Void> delete = CompletableFuture.runAsync(() -> connections.delete(tenant));
            reads.awaitArrival();
            reads.release(2);
            newToken = connections.rotateCallbackToken(tenant).token().value();
            reads.release();
            delete.get(120, TimeUnit.SECONDS);
        }

        assertThat(table.item("TENANT#" + tenant, "CONFIG")).isEmpty();
        assertThat(table.item("TOKEN#" + CallbackToken.sha256Hex(oldToken), "TOKEN")).isEmpty();
        assertThat(table.item("TOKEN#" + CallbackToken.sha256Hex(newToken), "TOKEN")).isEmpty();
        HaloIntegrationApi.delete(HaloIntegrationApi.adminOf(tenant)).statusCode(204);
    }
}
