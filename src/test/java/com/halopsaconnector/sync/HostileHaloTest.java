package com.halopsaconnector.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.halopsaconnector.integration.TestConnections;
import com.halopsaconnector.testsupport.FakeHalo;
import com.halopsaconnector.testsupport.HaloStubs;
import com.halopsaconnector.testsupport.HostileHalo;
import com.halopsaconnector.testsupport.HostileHalo.Answer;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A Halo URL is whatever a tenant typed. A host that answers with an endless body gets a clear
 * problem (502 halo-answer-too-large) or a failed sync naming it, never the function's memory, and
 * the function goes on answering; a {@code Retry-After} of any size pauses at most an hour.
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class HostileHaloTest {

    @Inject
    Table table;

    HostileHalo halo;
    String tenant;

    @BeforeEach
    void setUp() {
        halo = HostileHalo.start();
        tenant = "tenant-" + UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        halo.close();
        table.deleteItemsOf(halo.budgetPk());
    }

    @Test
    void anEndlessTokenAnswer_isA502TooLarge_andTheNextRequestIsAnswered() {
        halo.tokens(Answer.ENDLESS);

        SyncApi.save(tenant, body()).statusCode(502).contentType("application/problem+json")
                .body("type", endsWith("/halo-answer-too-large"))
                .body("detail", containsString("the token answer"));

        SyncApi.show(tenant).statusCode(404);
        assertThat(table.itemsOf("TENANT#" + tenant)).isEmpty();
    }

    @Test
    void anEndlessTicketPage_failsTheSyncInPlainWords_andTheConnectionStaysUsable() {
        halo.pages(Answer.ENDLESS);

        SyncApi.save(tenant, body()).statusCode(200)
                .body("sync.state", equalTo("failed"))
                .body("sync.error", containsString("a page of tickets"))
                .body("sync.error", containsString("larger than"));
        SyncApi.sync(tenant).statusCode(200).body("state", equalTo("failed"));

        halo.pages(Answer.NORMAL);
        SyncApi.sync(tenant).statusCode(200).body("state", equalTo("idle")).body("complete", equalTo(true));
    }

    @Test
    void anEndlessStaleTicket_isNamedInTheSyncState_andTheRunEndsIdle() {
        String callbackToken = TestConnections.tokenOf(SyncApi.save(tenant, body()).statusCode(200)
                .body("sync.complete", equalTo(true)).extract().path("webhookUrl"));
        SyncApi.deliverEventOnly(callbackToken, 5).statusCode(200);
        halo.tickets(Answer.ENDLESS);

        SyncApi.sync(tenant).statusCode(200).body("state", equalTo("idle"));

        SyncApi.show(tenant).body("sync.failedTickets.ticketId", hasItem("5"))
                .body("sync.failedTickets[0].error", containsString("larger than"));
    }

    @Test
    void aRetryAfterOfThousandsOfYears_pausesThatHaloForAnHourAtMost() {
        try (FakeHalo fake = FakeHalo.start()) {
            fake.listingAnswers(HaloStubs.json(429, "{}").withHeader("Retry-After", "99999999999"));
            fake.server().stubFor(WireMock.get(WireMock.urlPathEqualTo(FakeHalo.TICKETS))
                    .withQueryParam("page_size", WireMock.equalTo("1")).atPriority(1)
                    .willReturn(HaloStubs.json(200, FakeHalo.page(java.util.List.of(), 0))));
            Instant before = Instant.now();
            SyncApi.save(tenant, fake).statusCode(200).body("sync.error", containsString("rate limit"));

            String nextRunAt = SyncApi.show(tenant).extract().path("sync.nextRunAt");
            assertThat(Instant.parse(nextRunAt)).isBetween(before.plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofHours(1)));
            table.deleteItemsOf(fake.budgetPk());
        }
    }

    private Map<String, Object> body() {
        return SyncApi.body(halo.authUrl(), halo.resourceUrl());
    }
}
