package com.halopsaconnector.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.halopsaconnector.domain.RequestDeadline;
import com.halopsaconnector.store.ConcurrentUpdateException;
import com.halopsaconnector.testsupport.HaloStubs;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Two saves racing for one tenant. The Lambda mock event server runs one request at a time (as one
 * Lambda instance does), so the race is between two service calls, as between two instances.
 * Both read the stored version at once; Halo then answers client-1 after 0.6 s and client-2
 * after 2 s, so client-2 writes on a stale read. (moto does not isolate transactions that
 * run at the very same moment, so the writes themselves are kept apart; DynamoDB would order them.)
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
    void slowHalo() {
        halo = HaloStubs.fromConfig().servesTickets();
        for (Map.Entry<String, Integer> delay : Map.of("client-1", 600, "client-2", 2000).entrySet()) {
            halo.wireMock().register(post(urlPathEqualTo("/auth/token"))
                    .withFormParam("client_id", WireMock.equalTo(delay.getKey()))
                    .willReturn(HaloStubs.json(200, HaloStubs.Samples.read("token-response.json"))
                            .withFixedDelay(delay.getValue())));
        }
        tenant = "tenant-" + UUID.randomUUID();
    }

    @Test
    void twoFirstSaves_oneWinsAndTheOtherIsToldItConflicted() throws Exception {
        List<Object> outcomes = race(command("client-1"), command("client-2"));
        assertWinner(outcomes, "client-1");
    }

    @Test
    void twoResaves_oneWinsAndTheOtherIsToldItConflicted() throws Exception {
        connections.save(tenant, command("client-1"), aRequestsTime());
        List<Object> outcomes = race(command("client-1"), command("client-2"));
        assertWinner(outcomes, "client-1");
        assertThat(table.item("TENANT#" + tenant, "CONFIG").orElseThrow().get("version").n()).isEqualTo("2");
    }

    private void assertWinner(List<Object> outcomes, String expectedClient) {
        List<ConnectionWithToken> winners = outcomes.stream()
                .filter(ConnectionWithToken.class::isInstance).map(ConnectionWithToken.class::cast).toList();
        assertThat(winners).hasSize(1);
        assertThat(outcomes).filteredOn(ConcurrentUpdateException.class::isInstance).hasSize(1);
        assertThat(winners.get(0).connection().halo().clientId()).isEqualTo(expectedClient);
        assertThat(table.item("TENANT#" + tenant, "CONFIG").orElseThrow().get("clientId").s()).isEqualTo(expectedClient);
        assertThat(table.scanAll().stream().filter(i -> i.get("pk").s().startsWith("TOKEN#")
                && tenant.equals(i.get("tenant").s()))).hasSize(1);
    }

    private List<Object> race(SaveCommand first, SaveCommand second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (SaveCommand command : List.of(first, second)) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return connections.save(tenant, command, aRequestsTime());
                    } catch (ConcurrentUpdateException e) {
                        return e;
                    }
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static RequestDeadline aRequestsTime() {
        return RequestDeadline.after(Duration.ofSeconds(25), Clock.systemUTC());
    }

    private SaveCommand command(String clientId) {
        return new SaveCommand(halo.authUrl(), halo.resourceUrl(), "acme", clientId, "secret-" + clientId + "-long",
                "all", WebhookAuthChange.KEEP);
    }
}
