package com.halopsaconnector.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.halopsaconnector.domain.Deadline;
import com.halopsaconnector.store.connection.ConcurrentUpdateException;
import com.halopsaconnector.testsupport.HaloStubs;
import com.halopsaconnector.testsupport.HeldStoreCalls;
import com.halopsaconnector.testsupport.Hold;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Two saves racing for one tenant. The Lambda mock event server runs one request at a time (as one
 * Lambda instance does), so the race is between two service calls, as between two instances.
 * The answers to both saves' reads of the stored connection are held until both have read; then one
 * save is let go to its write, and only once it has written the other, which so writes on a stale
 * read. The order comes from events, not from delays, so a slow machine makes the test slower, never
 * different. (moto does not isolate transactions that run at the very same moment; here the writes
 * never overlap, as DynamoDB would order them.)
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class ConcurrentSaveTest {

    @Inject
    HaloConnectionService connections;

    @Inject
    Table table;

    HaloStubs halo;
    String tenant;

    @BeforeEach
    void setUp() {
        halo = HaloStubs.fromConfig().acceptsAnyClient().servesTickets();
        tenant = "tenant-" + UUID.randomUUID();
    }

    @Test
    void twoFirstSaves_oneWinsAndTheOtherIsToldItConflicted() throws Exception {
        assertOneWinner(race());
    }

    @Test
    void twoResaves_oneWinsAndTheOtherIsToldItConflicted() throws Exception {
        connections.save(tenant, command("client-0"), aRequestsTime());
        assertOneWinner(race());
        assertThat(table.item("TENANT#" + tenant, "CONFIG").orElseThrow().get("version").n()).isEqualTo("2");
    }

    private void assertOneWinner(List<Object> outcomes) {
        List<ConnectionWithToken> winners = outcomes.stream()
                .filter(ConnectionWithToken.class::isInstance).map(ConnectionWithToken.class::cast).toList();
        assertThat(winners).hasSize(1);
        assertThat(outcomes).filteredOn(ConcurrentUpdateException.class::isInstance).hasSize(1);
        String winner = winners.get(0).connection().halo().clientId();
        assertThat(table.item("TENANT#" + tenant, "CONFIG").orElseThrow().get("clientId").s()).isEqualTo(winner);
        assertThat(table.scanAll().stream().filter(i -> i.get("pk").s().startsWith("TOKEN#")
                && tenant.equals(i.get("tenant").s()))).hasSize(1);
    }

    /** client-1 and client-2 save at once; both read the same version, and the first to read writes first. */
    private List<Object> race() throws Exception {
        try (HeldStoreCalls store = HeldStoreCalls.start(); Hold reads = store.holdReadsMentioning("TENANT#" + tenant)) {
            CompletableFuture<Object> one = saveAsync(command("client-1"));
            CompletableFuture<Object> two = saveAsync(command("client-2"));
            reads.awaitArrivals(2);
            reads.release(1);
            CompletableFuture.anyOf(one, two).get(120, TimeUnit.SECONDS);
            reads.release();
            return List.of(one.get(120, TimeUnit.SECONDS), two.get(120, TimeUnit.SECONDS));
        }
    }

    private CompletableFuture<Object> saveAsync(SaveCommand command) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return connections.save(tenant, command, aRequestsTime());
            } catch (ConcurrentUpdateException e) {
                return e;
            }
        });
    }

    /** Long enough for any machine: the test orders the saves itself and never waits for a deadline. */
    private static Deadline aRequestsTime() {
        return Deadline.after(Duration.ofMinutes(5), Clock.systemUTC());
    }

    private SaveCommand command(String clientId) {
        return new SaveCommand(halo.authUrl(), halo.resourceUrl(), "acme", clientId, "secret-" + clientId + "-long",
                "all", WebhookAuthChange.KEEP);
    }
}
