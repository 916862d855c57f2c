package com.halopsaconnector.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.halopsaconnector.testsupport.DynamoGate;
import com.halopsaconnector.testsupport.FakeHalo;
import com.halopsaconnector.testsupport.HaloStubs;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TestClock;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class TicketSyncTest {

    static final String EARLIER = "2026-11-20T10:00:00";

    @Inject
    Table table;

    FakeHalo halo;
    String tenant;

    @BeforeEach
    void setUp() {
        halo = FakeHalo.start();
        tenant = "tenant-" + UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        TestClock.reset();
        halo.close();
        // A later test may get the same port, and with it this instance's pause.
        table.deleteItemsOf(halo.budgetPk());
    }

    @Test
    void firstSyncOfThreePages_storesEveryTicket_andAnUnchangedSecondRunAsksForTwoFilteredPagesAndWritesNothing() {
        halo.openTickets(250, EARLIER);
        SyncApi.save(tenant, halo).statusCode(200);
        SyncApi.syncUntilComplete(tenant, 5);

        List<Map<String, AttributeValue>> tickets = SyncApi.tickets(table, tenant);
        assertThat(tickets).hasSize(250);
        assertThat(tickets).allSatisfy(item -> assertThat(item.get("source").s()).isEqualTo("sync"));
        assertThat(SyncApi.ticket(table, tenant, 250).get("summary").s()).isEqualTo("Ticket 250");
        SyncApi.show(tenant).statusCode(200)
                .body("sync.state", equalTo("idle"))
                .body("sync.complete", equalTo(true))
                .body("sync.error", nullValue());

        halo.forgetRequests();
        DynamoGate gate = DynamoGate.fromConfig();
        gate.forgetRequests();
        SyncApi.sync(tenant).statusCode(200).body("complete", equalTo(true)).body("ticketsSynced", equalTo(0));

        // The incremental pass and the catch-up: one page each, both of what changed lately, closed ones included.
        List<LoggedRequest> listings = halo.listingRequests();
        assertThat(listings).hasSize(2).allSatisfy(listing -> {
            assertThat(listing.queryParameter("lastupdatefromdate").isPresent()).isTrue();
            assertThat(listing.queryParameter("includeclosed").firstValue()).isEqualTo("true");
            assertThat(listing.queryParameter("order").firstValue()).isEqualTo("id");
        });
        assertThat(gate.requests("DynamoDB_20120810.UpdateItem"))
                .noneMatch(request -> request.getBodyAsString().contains("TICKET#"));
    }

    @Test
    void runOutOfTimeAfterPage1_isNotComplete_andTheNextRunResumesAtPage2WithoutFetchingAnyPageTwice() {
        // Page 1 takes ten minutes as the application's clock sees it: far beyond Save's sync budget,
        // however fast or slow the machine really is.
        halo.openTicketsWithSlowPage(250, EARLIER, 1, Duration.ofMinutes(10));
        SyncApi.save(tenant, halo).statusCode(200)
                .body("sync.state", equalTo("running"))
                .body("sync.complete", equalTo(false))
                .body("sync.ticketsSynced", equalTo(100));
        assertThat(SyncApi.tickets(table, tenant)).hasSize(100);

        SyncApi.sync(tenant).statusCode(200).body("complete", equalTo(true)).body("ticketsSynced", equalTo(250));

        assertThat(SyncApi.tickets(table, tenant)).hasSize(250);
        List<String> openPagesFetched = halo.listingRequests().stream()
                .filter(request -> request.queryParameter("open_only").isPresent())
                .map(request -> request.queryParameter("page_no").firstValue()).toList();
        assertThat(openPagesFetched).containsExactly("1", "2", "3");
    }

    @Test
    void ticketChangedAfterACompleteSync_arrivesThroughTheIncrementalRun_whoseRequestsAllCarryLastupdatefromdate() {
        halo.openTickets(3, EARLIER);
        SyncApi.save(tenant, halo).statusCode(200);
        SyncApi.syncUntilComplete(tenant, 3);
        String watermark = SyncApi.show(tenant).extract().path("sync.watermark");

        halo.changedTickets(List.of(FakeHalo.ticket(2, "2026-11-29T09:00:00", "Changed in Halo")));
        halo.forgetRequests();
        SyncApi.sync(tenant).statusCode(200).body("complete", equalTo(true)).body("ticketsSynced", equalTo(1));

        assertThat(SyncApi.ticket(table, tenant, 2).get("summary").s()).isEqualTo("Changed in Halo");
        assertThat(SyncApi.ticket(table, tenant, 1).get("summary").s()).isEqualTo("Ticket 1");
        List<LoggedRequest> listings = halo.listingRequests();
        assertThat(listings).isNotEmpty().allSatisfy(request -> {
            assertThat(request.queryParameter("lastupdatefromdate").isPresent()).isTrue();
            assertThat(request.queryParameter("includeclosed").firstValue()).isEqualTo("true");
        });
        // The watermark minus the 5-minute overlap, as UTC without a zone.
        String from = listings.get(0).queryParameter("lastupdatefromdate").firstValue();
        assertThat(java.time.LocalDateTime.parse(from).toInstant(java.time.ZoneOffset.UTC))
                .isEqualTo(java.time.Instant.parse(watermark).minusSeconds(300).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void oneTokenServesSaveAMultiPageRunAndASecondRun() {
        halo.openTickets(250, EARLIER);
        SyncApi.save(tenant, halo).statusCode(200);
        SyncApi.syncUntilComplete(tenant, 5);
        SyncApi.sync(tenant).statusCode(200);

        assertThat(halo.tokenRequests()).hasSize(1);
    }

    @Test
    void a401MidRun_getsOneFreshToken_andTheRunGoesOn() {
        halo.openTickets(250, EARLIER);
        halo.server().stubFor(get(urlPathEqualTo(FakeHalo.TICKETS)).withQueryParam("page_no", WireMock.equalTo("2"))
                .withQueryParam("open_only", WireMock.equalTo("true")).atPriority(1)
                .inScenario("expired").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("refreshed")
                .willReturn(HaloStubs.json(401, "{}")));

        SyncApi.save(tenant, halo).statusCode(200);
        SyncApi.syncUntilComplete(tenant, 5);

        assertThat(halo.tokenRequests()).hasSize(2);
        assertThat(SyncApi.tickets(table, tenant)).hasSize(250);
        SyncApi.show(tenant).body("sync.error", nullValue()).body("sync.state", equalTo("idle"));
    }

    @Test
    void halo429WithRetryAfter30_stopsTheRun_namesTheRateLimit_andNoRequestReachesThatHaloFromSaveTestOrSync() {
        halo.openTickets(250, EARLIER);
        halo.server().stubFor(get(urlPathEqualTo(FakeHalo.TICKETS)).withQueryParam("page_no", WireMock.equalTo("2"))
                .withQueryParam("open_only", WireMock.equalTo("true")).atPriority(1)
                .willReturn(HaloStubs.json(429, "{}").withHeader("Retry-After", "30")));

        SyncApi.save(tenant, halo).statusCode(200);
        // Save may have run out of its 5 s after page 1; then this run meets the 429.
        SyncApi.sync(tenant).statusCode(200);
        SyncApi.show(tenant).statusCode(200)
                .body("sync.complete", equalTo(false))
                .body("sync.state", equalTo("running"))
                .body("sync.ticketsSynced", equalTo(100))
                .body("sync.error", containsString("rate limit"));
        String nextRunAt = SyncApi.show(tenant).extract().path("sync.nextRunAt");
        assertThat(java.time.Instant.parse(nextRunAt)).isAfter(java.time.Instant.now().plusSeconds(20));
        int requestsSoFar = halo.requestCount();

        SyncApi.sync(tenant).statusCode(200).body("complete", equalTo(false)).body("error", containsString("rate limit"));
        SyncApi.save(tenant, halo).statusCode(503).header("Retry-After", notNullValue())
                .body("type", endsWith("/halo-rate-limited"));
        SyncApi.test(tenant, halo).statusCode(503).body("type", endsWith("/halo-rate-limited"));

        assertThat(halo.requestCount()).isEqualTo(requestsSoFar);
        assertThat(SyncApi.tickets(table, tenant)).hasSize(100);
    }

    @Test
    void pagePastTheEndAnsweredWithTheLastPageAgain_endsThePass_withoutStoringItTwice() {
        // 200 tickets fill pages 1 and 2 exactly; this Halo counts no records and answers page 3 with page 2 again.
        halo.withoutRecordCount().openTickets(200, EARLIER);
        SyncApi.save(tenant, halo).statusCode(200);
        SyncApi.syncUntilComplete(tenant, 5);

        assertThat(SyncApi.tickets(table, tenant)).hasSize(200);
        List<String> openPagesFetched = halo.listingRequests().stream()
                .filter(request -> request.queryParameter("open_only").isPresent())
                .map(request -> request.queryParameter("page_no").firstValue()).toList();
        assertThat(openPagesFetched).containsExactly("1", "2", "3");
        SyncApi.show(tenant).body("sync.ticketsSynced", equalTo(200));
    }

    @Test
    void haloFailingMidRun_keepsTheTicketsWritten_andTheNextRunResumesAtTheFailedPage() {
        // A slow page 1 ends Save's sync after it (as above), so the failure meets POST /sync.
        halo.openTicketsWithSlowPage(250, EARLIER, 1, Duration.ofMinutes(10));
        halo.server().stubFor(get(urlPathEqualTo(FakeHalo.TICKETS)).withQueryParam("page_no", WireMock.equalTo("2"))
                .withQueryParam("open_only", WireMock.equalTo("true")).atPriority(1)
                .inScenario("outage").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("back")
                .willReturn(HaloStubs.json(503, "{}")));

        SyncApi.save(tenant, halo).statusCode(200);
        SyncApi.sync(tenant).statusCode(200);
        SyncApi.show(tenant).body("sync.state", equalTo("failed"))
                .body("sync.error", containsString("server error"))
                .body("sync.complete", equalTo(false));
        assertThat(SyncApi.tickets(table, tenant)).hasSize(100);

        SyncApi.syncUntilComplete(tenant, 3);

        assertThat(SyncApi.tickets(table, tenant)).hasSize(250);
        List<String> openPagesFetched = halo.listingRequests().stream()
                .filter(request -> request.queryParameter("open_only").isPresent())
                .map(request -> request.queryParameter("page_no").firstValue()).toList();
        assertThat(openPagesFetched).containsExactly("1", "2", "2", "3");
        SyncApi.show(tenant).body("sync.state", equalTo("idle")).body("sync.error", nullValue());
    }
}
