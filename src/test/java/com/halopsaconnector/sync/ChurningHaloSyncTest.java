package com.halopsaconnector.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.halopsaconnector.standin.SampleTicket;
import com.halopsaconnector.standin.StandInHalo;
import com.halopsaconnector.standin.TicketDesk;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A first sync of a busy service desk: while the connector reads the open tickets page by page,
 * tickets on pages already read close (which moves every later open ticket one place forward,
 * past the next page's start), others open and others change. When the sync says it is complete,
 * every ticket in its scope is in the table as Halo holds it, whatever page size Halo answers with.
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class ChurningHaloSyncTest {

    @Inject
    Table table;

    StandInHalo halo;
    String tenant;
    LocalDateTime yesterday;

    @BeforeEach
    void setUp() {
        yesterday = LocalDateTime.now(ZoneOffset.UTC).minusDays(1).withNano(0);
        tenant = "tenant-" + UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        halo.close();
        table.deleteItemsOf("HALO#127.0.0.1:" + halo.port());
    }

    @Test
    void ticketsClosingOpeningAndChangingDuringTheFirstSync_areAllStoredAsHaloHoldsThem() {
        halo = StandInHalo.start(SyncApi.CREDENTIALS, TicketDesk.open(1, 350, yesterday));
        churnAfterTheFirstOpenPage();

        completeTheFirstSync();

        assertTableHoldsWhatHaloHolds();
        assertThat(ticketIds()).contains("101", "102", "103", "104", "105", "351", "352");
    }

    @Test
    void aHaloThatAnswers50TicketsAPageWhenAskedFor100_isReadWhole_throughChurn() {
        halo = StandInHalo.start(SyncApi.CREDENTIALS, TicketDesk.open(1, 350, yesterday)).capPagesAt(50);
        churnAfterTheFirstOpenPage();

        completeTheFirstSync();

        assertTableHoldsWhatHaloHolds();
        // Pages of 50 were read as such: the pass went past its first page, and no page was fetched twice.
        List<String> openPages = halo.requests().stream()
                .filter(request -> request.contains("open_only=true") && request.contains("page_no="))
                .map(request -> request.replaceAll(".*page_no=(\\d+).*", "$1")).toList();
        assertThat(openPages).hasSizeGreaterThan(1).doesNotHaveDuplicates();
    }

    @Test
    void aQuietHalosFirstSyncOf300Tickets_costsAPagePer100_plusFiveRequests_besidesSave() {
        halo = StandInHalo.start(SyncApi.CREDENTIALS, TicketDesk.open(1, 300, yesterday));

        completeTheFirstSync();

        assertTableHoldsWhatHaloHolds();
        List<String> requests = halo.requests();
        // Save: a token and the probe. The sync reuses the token: 3 open pages and their ids, the closed
        // pass's page and ids, the catch-up's page and ids; nothing fetched by id. (1,000 tickets: 15.)
        assertThat(requests.stream().filter(r -> r.startsWith("POST /auth/token"))).hasSize(1);
        assertThat(requests.stream().filter(r -> r.contains("page_size=1&") || r.endsWith("page_size=1"))).hasSize(1);
        assertThat(requests.stream().filter(r -> r.contains("open_only=true") && r.contains("page_no="))).hasSize(3);
        assertThat(requests.stream().filter(r -> r.contains("ticketidonly=true"))).hasSize(3);
        assertThat(requests.stream().filter(r -> r.contains("ticketids=") || r.matches("GET /api/Tickets/\\d+"))).isEmpty();
        assertThat(requests).hasSize(2 + 3 + 5);
    }

    /**
     * Once page 1 of the open tickets is answered: 5 of its tickets close, 3 of its tickets and one
     * ticket on a later page change, and 2 tickets open.
     */
    private void churnAfterTheFirstOpenPage() {
        AtomicBoolean done = new AtomicBoolean();
        halo.afterEachListing((query, desk) -> {
            if (query.contains("open_only=true") && query.contains("page_no=1&") && done.compareAndSet(false, true)) {
                LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
                for (int id : new int[] {2, 4, 6, 8, 10}) {
                    desk.close(id, now);
                }
                for (int id : new int[] {20, 21, 22, 300}) {
                    desk.rename(id, "Changed while the sync read page 1", now);
                }
                desk.openTicket(351, "Opened meanwhile", now).openTicket(352, "Opened meanwhile too", now);
            }
        });
    }

    private void completeTheFirstSync() {
        SyncApi.save(tenant, SyncApi.body(halo.authUrl(), halo.resourceUrl())).statusCode(200);
        SyncApi.syncUntilComplete(tenant, 10);
        SyncApi.show(tenant).statusCode(200).body("sync.complete", equalTo(true)).body("sync.state", equalTo("idle"));
    }

    /** Every ticket in the first sync's scope (open, or closed within 30 days) with Halo's summary and status. */
    private void assertTableHoldsWhatHaloHolds() {
        Map<String, Map<String, AttributeValue>> stored = new LinkedHashMap<>();
        SyncApi.tickets(table, tenant).forEach(item -> stored.put(item.get("ticketId").s(), item));
        for (SampleTicket ticket : halo.desk().all()) {
            Map<String, AttributeValue> item = stored.get(Integer.toString(ticket.id()));
            assertThat(item).as("ticket %d", ticket.id()).isNotNull();
            assertThat(item.get("summary").s()).as("summary of %d", ticket.id()).isEqualTo(ticket.summary());
            assertThat(item.get("status_id").n()).as("status of %d", ticket.id()).isEqualTo(Integer.toString(ticket.statusId()));
        }
        assertThat(stored).hasSize(halo.desk().all().size());
    }

    private List<String> ticketIds() {
        return SyncApi.tickets(table, tenant).stream().map(item -> item.get("ticketId").s()).toList();
    }
}
