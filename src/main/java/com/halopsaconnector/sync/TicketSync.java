package com.halopsaconnector.sync;

import static com.halopsaconnector.store.sealing.SecretPurpose.CLIENT_SECRET;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.halopsaconnector.domain.Connection;
import com.halopsaconnector.domain.Deadline;
import com.halopsaconnector.domain.SyncCursor;
import com.halopsaconnector.domain.SyncState;
import com.halopsaconnector.halo.HaloException;
import com.halopsaconnector.halo.HaloRateLimitedException;
import com.halopsaconnector.halo.HaloTicket;
import com.halopsaconnector.halo.HaloTicketPage;
import com.halopsaconnector.halo.HaloTicketReader;
import com.halopsaconnector.halo.TicketQuery;
import com.halopsaconnector.store.sealing.SecretSealer;
import com.halopsaconnector.store.sync.SyncStateStore;
import com.halopsaconnector.store.ticket.StaleTicket;
import com.halopsaconnector.store.ticket.StaleTicketIndex;
import com.halopsaconnector.store.ticket.SyncedTicketWriter;

/**
 * Runs one tenant's ticket sync until it is done or its deadline comes: page by page through the
 * passes of {@link com.halopsaconnector.domain.SyncPass}, storing the cursor after every page, so a
 * later run goes on from the last complete page and nothing written is lost when a run fails.
 * The caller holds the tenant's lease.
 */
@ApplicationScoped
public class TicketSync {

    private static final Logger LOG = Logger.getLogger(TicketSync.class);
    /** The least time a step is assumed to take before one has been measured. */
    static final Duration MIN_STEP = Duration.ofSeconds(1);

    @Inject
    SyncConfig config;

    @Inject
    SyncStateStore states;

    @Inject
    SyncedTicketWriter tickets;

    @Inject
    StaleTicketIndex staleTickets;

    @Inject
    HaloTicketReader reader;

    @Inject
    HaloTokens tokens;

    @Inject
    SecretSealer sealer;

    @Inject
    Clock clock;

    /** @throws com.halopsaconnector.store.SyncSupersededException when the connection changed meanwhile */
    public SyncState run(Connection connection, Deadline deadline) {
        String tenant = connection.tenant();
        SyncState state = connection.sync().started(clock.instant());
        states.saveProgress(tenant, state);
        String clientSecret = sealer.unseal(tenant, CLIENT_SECRET, connection.clientSecret().sealed());
        HaloSession halo = new HaloSession(connection, connection.halo().withSecret(clientSecret), tokens, reader);
        Duration longestStep = MIN_STEP;
        try {
            while (true) {
                if (!deadline.leavesTimeFor(longestStep.plus(longestStep.dividedBy(2)))) {
                    return suspend(tenant, state);
                }
                Instant stepStart = clock.instant();
                Step step = state.cursor().pass().pagesThroughTickets()
                        ? pageStep(halo, tenant, state, deadline) : staleStep(halo, tenant, state.cursor(), deadline);
                Duration took = Duration.between(stepStart, clock.instant());
                longestStep = took.compareTo(longestStep) > 0 ? took : longestStep;
                if (step.next() == null) {
                    return finish(tenant, state.advancedTo(state.cursor(), step.stored()));
                }
                state = state.advancedTo(step.next(), step.stored());
                states.saveProgress(tenant, state);
            }
        } catch (HaloRateLimitedException e) {
            LOG.infof("Ticket sync paused by Halo's rate limit for %d s", e.retryAfter().toSeconds());
            return end(tenant, state.paused(e.resumeAt(), e.getMessage()), e.resumeAt());
        } catch (HaloException e) {
            LOG.warnf("Ticket sync failed: %s", e.getMessage());
            Instant retryAt = clock.instant().plus(config.incrementalInterval());
            return end(tenant, state.failed(retryAt, e.getMessage()), retryAt);
        }
    }

    private Step pageStep(HaloSession halo, String tenant, SyncState state, Deadline deadline) {
        SyncCursor cursor = state.cursor();
        HaloTicketPage page = halo.page(query(state), cursor.page(), config.pageSize(), deadline.remaining());
        if (page.firstId() != null && page.firstId().equals(cursor.lastFirstId())) {
            // Halo answered a page past the end with the last page again: this pass is done.
            return new Step(cursor.nextPass(), 0);
        }
        Instant fetchedAt = clock.instant();
        int stored = 0;
        for (HaloTicket ticket : page.tickets()) {
            if (tickets.store(tenant, ticket.id(), ticket.snapshot(), fetchedAt)) {
                stored++;
            }
        }
        boolean lastPage = page.received() < config.pageSize();
        return new Step(lastPage ? cursor.nextPass() : cursor.nextPage(page.firstId()), stored);
    }

    private Step staleStep(HaloSession halo, String tenant, SyncCursor cursor, Deadline deadline) {
        List<StaleTicket> stale = staleTickets.oldest(tenant, config.staleBatch());
        int stored = 0;
        for (StaleTicket ticket : stale) {
            if (!deadline.leavesTimeFor(MIN_STEP)) {
                return new Step(cursor, stored);
            }
            Optional<HaloTicket> fetched = halo.ticket(ticket.ticketId(), deadline.remaining());
            if (fetched.isEmpty()) {
                tickets.markDeleted(tenant, ticket, clock.instant());
            } else if (tickets.settleStale(tenant, ticket, fetched.get().snapshot(), clock.instant())) {
                stored++;
            }
        }
        return new Step(cursor.nextPass(), stored);
    }

    private TicketQuery query(SyncState state) {
        SyncCursor cursor = state.cursor();
        return switch (cursor.pass()) {
            case FIRST_OPEN -> TicketQuery.openTickets();
            case FIRST_RECENT_CLOSED -> TicketQuery.closedUpdatedSince(cursor.startedAt().minus(config.firstSyncLookback()));
            case INCREMENTAL -> TicketQuery.allUpdatedSince(state.watermark().minus(config.overlap()));
            case STALE -> throw new IllegalStateException("The stale pass reads tickets by id");
        };
    }

    private SyncState finish(String tenant, SyncState state) {
        SyncState done = state.finished(clock.instant(), config.incrementalInterval());
        LOG.infof("Ticket sync complete: %d tickets stored", done.ticketsSynced());
        return end(tenant, done, done.nextRunAt());
    }

    /** Out of time: due again at once, so the next scheduled wake-up goes on from the cursor. */
    private SyncState suspend(String tenant, SyncState state) {
        Instant now = clock.instant();
        return end(tenant, state.suspended(now.plus(config.scheduleInterval())), now);
    }

    private SyncState end(String tenant, SyncState state, Instant dueAt) {
        states.saveOutcome(tenant, state, dueAt);
        return state;
    }

    /** What one step did: where the sync goes on ({@code null} when done) and how many tickets it stored. */
    private record Step(SyncCursor next, int stored) {
    }
}
