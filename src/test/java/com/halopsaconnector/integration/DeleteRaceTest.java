package com.halopsaconnector.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.halopsaconnector.domain.CallbackToken;
import com.halopsaconnector.testsupport.DynamoGate;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A rotate that lands between a delete's read and its write: the delete reads again and deletes
 * what is there now, so it still ends with nothing stored (and DELETE still answers 204). The
 * race is made with the DynamoDB gate, which answers the delete's read with what moto held at
 * that moment, but only after the rotate has written.
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class DeleteRaceTest {

    @Inject
    HaloConnectionService connections;

    @Inject
    Table table;

    WireMock gate;
    StubMapping slowRead;
    String tenant;

    @BeforeEach
    void setUp() {
        gate = new WireMock("127.0.0.1", ConfigProvider.getConfig().getValue(TestEnvironment.DYNAMO_GATE_PORT, Integer.class));
        tenant = "tenant-" + UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        if (slowRead != null) {
            gate.removeStubMapping(slowRead);
        }
        gate.resetScenarios();
    }

    @Test
    void aRotateBetweenTheDeletesReadAndWrite_isDeletedToo() throws Exception {
        String oldToken = TestConnections.connect(tenant);
        slowFirstReadOfTheConnection();
        int readsBefore = readsOfTheConnection();

        CompletableFuture<Void> delete = CompletableFuture.runAsync(() -> connections.delete(tenant));
        awaitReadsOfTheConnection(readsBefore + 1);
        String newToken = connections.rotateCallbackToken(tenant).token().value();
        delete.get(15, TimeUnit.SECONDS);

        assertThat(table.item("TENANT#" + tenant, "CONFIG")).isEmpty();
        assertThat(table.item("TOKEN#" + CallbackToken.sha256Hex(oldToken), "TOKEN")).isEmpty();
        assertThat(table.item("TOKEN#" + CallbackToken.sha256Hex(newToken), "TOKEN")).isEmpty();
        HaloIntegrationApi.delete(HaloIntegrationApi.adminOf(tenant)).statusCode(204);
    }

    /** Only the first read: the rotate's own read, and the delete's second one, go straight through. */
    private void slowFirstReadOfTheConnection() {
        String moto = ConfigProvider.getConfig().getValue("quarkus.kms.endpoint-override", String.class);
        slowRead = gate.register(any(anyUrl()).atPriority(1)
                .withHeader("X-Amz-Target", equalTo(DynamoGate.GET_ITEM))
                .withRequestBody(containing("TENANT#" + tenant))
                .inScenario("slow-read-" + tenant).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("read")
                .willReturn(aResponse().proxiedFrom(moto).withFixedDelay(1_500)));
    }

    private void awaitReadsOfTheConnection(int count) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (readsOfTheConnection() < count) {
            assertThat(System.nanoTime()).as("the delete read the connection").isLessThan(giveUp);
            Thread.sleep(20);
        }
    }

    private int readsOfTheConnection() {
        return gate.find(anyRequestedFor(anyUrl()).withHeader("X-Amz-Target", equalTo(DynamoGate.GET_ITEM))
                .withRequestBody(containing("TENANT#" + tenant))).size();
    }
}
