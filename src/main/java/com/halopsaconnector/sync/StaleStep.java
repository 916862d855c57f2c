package com.halopsaconnector.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.halopsaconnector.domain.Deadline;
import com.halopsaconnector.domain.SyncCursor;
import com.halopsaconnector.domain.TicketFailure;
import com.halopsaconnector.halo.HaloCredentialsRejectedException;
import com.halopsaconnector.halo.HaloException;
import com.halopsaconnector.halo.HaloRateLimitedException;
import com.halopsaconnector.halo.HaloTicket;
import com.halopsaconnector.store.ticket.StaleTicket;
import com.halopsaconnector.store.ticket.StaleTicketIndex;
import com.halopsaconnector.store.ticket.SyncedTicketWriter;

/**
 * The stale pass: tickets that event-only webhooks marked stale, and that are due, are fetched by id
 * and lose the mark (a 404 marks them deleted). A ticket Halo will not give now (a 403, a 5xx, an
 * answer that is not the ticket) keeps its mark, is due again after a wait that doubles with each
 * failure, and is named in the sync state; the other tickets go on. Only what stops every call to
 * Halo (its rate limit, refused credentials) ends the run.
 */
@ApplicationScoped
class StaleStep {

    private static final Logger LOG = Logger.getLogger(StaleStep.class);

    @Inject
    SyncConfig config;

    @Inject
    StaleTicketIndex staleTickets;

    @Inject
    SyncedTicketWriter tickets;

    @Inject
    Clock clock;

    StepOutcome run(SyncRun run, Deadline deadline) {
        SyncCursor cursor = run.state().cursor();
        List<StaleTicket> due = staleTickets.due(run.tenant(), clock.instant(), config.staleBatch());
        int stored = 0;
        List<TicketFailure> failed = new ArrayList<>();
        List<String> recovered = new ArrayList<>();
        for (StaleTicket ticket : due) {
            if (!deadline.leavesTimeFor(TicketSync.MIN_STEP)) {
                return new StepOutcome(cursor, stored, failed, recovered);
            }
            try {
                if (fetch(run, ticket)) {
                    stored++;
                }
                recovered.add(ticket.ticketId());
            } catch (HaloRateLimitedException | HaloCredentialsRejectedException stopsEveryCall) {
                throw stopsEveryCall;
            } catch (HaloException e) {
                failed.add(failed(run, ticket, e));
            }
        }
        return new StepOutcome(cursor.nextPass(), stored, failed, recovered);
    }

    /** @return whether data was stored */
    private boolean fetch(SyncRun run, StaleTicket ticket) {
        Optional<HaloTicket> fetched = run.halo().ticket(ticket.ticketId());
        if (fetched.isEmpty()) {
            tickets.markDeleted(run.tenant(), run.epoch(), ticket, clock.instant());
            return false;
        }
        return tickets.settleStale(run.tenant(), run.epoch(), ticket, fetched.get().snapshot(), clock.instant());
    }

    private TicketFailure failed(SyncRun run, StaleTicket ticket, HaloException e) {
        Duration wait = config.failureBackoff().multipliedBy(1L << Math.min(ticket.failedFetches(), 20));
        Instant retryAt = clock.instant().plus(wait.compareTo(config.longestFailureBackoff()) > 0
                ? config.longestFailureBackoff() : wait);
        String error = "Ticket " + ticket.ticketId() + " could not be read: " + e.getMessage() + "; it is tried again later.";
        LOG.warnf("Stale ticket %s not fetched (attempt %d): %s", ticket.ticketId(), ticket.failedFetches() + 1, e.getMessage());
        tickets.markFetchFailed(run.tenant(), run.epoch(), ticket, retryAt, error);
        return new TicketFailure(ticket.ticketId(), error, retryAt);
    }
}
