package com.halopsaconnector.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.halopsaconnector.domain.TicketSnapshot;
import com.halopsaconnector.store.ticket.SyncedTicketWriter;
import com.halopsaconnector.testsupport.FakeHalo;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Whatever a run throws, it ends with an outcome: a bug of ours (no real part fails this way on
 * purpose, so the ticket writer is replaced by one that throws) leaves the sync failed in plain
 * words, the lease released, and the tenant due again after the back-off (HostileHaloTest shows a
 * failed sync completing once the cause is gone); the exception's message,
 * which may quote Halo's data, reaches neither the view nor the log.
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class UnexpectedSyncErrorTest {

    static final String QUOTED_DATA = "ticket summary the bug quoted";
    /** The test profile's log file (see SecretsInLogsTest). */
    static final Path LOG = Path.of("target", "quarkus-test.log");

    @Inject
    Table table;

    FakeHalo halo;
    String tenant;

    @BeforeEach
    void setUp() {
        halo = FakeHalo.start();
        halo.openTickets(3, "2026-11-29T08:00:00");
        tenant = "tenant-" + UUID.randomUUID();
        QuarkusMock.installMockForType(new FailingWriter(), SyncedTicketWriter.class);
    }

    @AfterEach
    void tearDown() {
        halo.close();
        table.deleteItemsOf(halo.budgetPk());
    }

    @Test
    void aBugMidRun_endsTheRunFailed_releasesTheLease_andIsDueAgainAfterTheBackOff() throws IOException {
        Instant before = Instant.now();
        long logSizeBefore = Files.exists(LOG) ? Files.size(LOG) : 0;
        SyncApi.save(tenant, halo).statusCode(200)
                .body("sync.state", equalTo("failed"))
                .body("sync.error", equalTo("The sync stopped on an unexpected error; it is tried again later."));
        assertThat(logWrittenSince(logSizeBefore)).contains("IllegalStateException").doesNotContain(QUOTED_DATA);
        String nextRunAt = SyncApi.show(tenant).statusCode(200).extract().path("sync.nextRunAt");
        assertThat(Instant.parse(nextRunAt)).isAfter(before.plus(Duration.ofMinutes(4)));

        // The lease is free: the next run starts (no 409) and ends the same way.
        SyncApi.sync(tenant).statusCode(200).body("state", equalTo("failed")).body("error", containsString("unexpected"));
    }

    private static String logWrittenSince(long size) throws IOException {
        byte[] all = Files.readAllBytes(LOG);
        return new String(all, (int) size, all.length - (int) size, StandardCharsets.UTF_8);
    }

    /** A ticket writer with a bug. */
    static final class FailingWriter extends SyncedTicketWriter {

        @Override
        public boolean store(String tenant, long epoch, String ticketId, TicketSnapshot ticket, Instant fetchedAt,
                             String readMark) {
            throw new IllegalStateException("cannot store " + QUOTED_DATA);
        }
    }
}
