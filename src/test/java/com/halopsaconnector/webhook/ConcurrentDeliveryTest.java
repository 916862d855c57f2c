package com.halopsaconnector.webhook;

import static com.halopsaconnector.webhook.WebhookTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.halopsaconnector.domain.WebhookEvent;
import com.halopsaconnector.integration.TestConnections;
import com.halopsaconnector.testsupport.SerialisedStore;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Halo may re-send a delivery while the first attempt is still being stored. The Lambda mock
 * server handles one request at a time, so two threads call the recorder directly. Their DynamoDB
 * calls run concurrently up to the store, which serialises them as DynamoDB does (see
 * {@link SerialisedStore} for why moto needs help with that).
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class ConcurrentDeliveryTest {

    static final int ROUNDS = 10;

    @Inject
    Table table;

    @Inject
    DeliveryParser parser;

    @Inject
    DeliveryRecorder recorder;

    SerialisedStore serialisedStore;

    @BeforeEach
    void serialiseStoreCalls() {
        serialisedStore = SerialisedStore.start();
    }

    @AfterEach
    void restoreStoreCalls() {
        serialisedStore.close();
    }

    @Test
    void identicalDeliveriesAtTheSameTime_storeTheEventOnce() throws Exception {
        String tenant = newTenant();
        TestConnections.connect(tenant);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String delivery = fullEvent(newEventId(), 9000 + round, "2026-11-28T05:00:00Z", "round " + round);
                List<WebhookEvent> events = parser.parse(delivery.getBytes(StandardCharsets.UTF_8));
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<DeliveryReceipt>> receipts = new ArrayList<>();
                for (int caller = 0; caller < 2; caller++) {
                    receipts.add(threads.submit(() -> {
                        start.await(60, TimeUnit.SECONDS);
                        return recorder.record(tenant, epochOf(table, tenant), events);
                    }));
                }

                List<DeliveryReceipt> answers = new ArrayList<>();
                for (Future<DeliveryReceipt> receipt : receipts) {
                    answers.add(receipt.get(120, TimeUnit.SECONDS));
                }
                assertThat(answers).as("round %d", round)
                        .containsExactlyInAnyOrder(new DeliveryReceipt(1, 0), new DeliveryReceipt(1, 1));
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(eventItems(table, tenant)).hasSize(ROUNDS);
        assertThat(ticketItems(table, tenant)).hasSize(ROUNDS);
        assertThat(webhooksReceived(table, tenant)).isEqualTo(ROUNDS);
    }
}
