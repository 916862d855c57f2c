package com.halopsaconnector.sync;

import static com.halopsaconnector.store.sealing.SecretPurpose.CLIENT_SECRET;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.halopsaconnector.domain.Connection;
import com.halopsaconnector.domain.Deadline;
import com.halopsaconnector.domain.SyncState;
import com.halopsaconnector.halo.HaloException;
import com.halopsaconnector.halo.HaloRateLimitedException;
import com.halopsaconnector.halo.HaloTicketReader;
import com.halopsaconnector.store.StoreUnavailableException;
import com.halopsaconnector.store.sealing.SealedValueUnreadableException;
import com.halopsaconnector.store.sealing.SecretSealer;
import com.halopsaconnector.store.sync.SyncStateStore;
import com.halopsaconnector.store.sync.SyncSupersededException;

/**
 * Runs one tenant's ticket sync until it is done or its deadline comes: step by step through the
 * passes of {@link com.halopsaconnector.domain.SyncPass}, storing the cursor after every step, so a
 * later run goes on from the last complete step and nothing written is lost when a run fails.
 * Whatever stops it, a run ends with an outcome: idle, running (out of time), paused (Halo's rate
 * limit) or failed, due again after a wait that grows with failures in a row. The caller holds the
 * tenant's lease.
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
    PurgeStep purge;

    @Inject
    ListingStep listing;

    @Inject
    StaleStep stale;

    @Inject
    HaloTicketReader reader;

    @Inject
    HaloTokens tokens;

    @Inject
    SecretSealer sealer;

    @Inject
    Clock clock;

    /** @throws SyncSupersededException when the connection changed meanwhile */
    public SyncState run(Connection connection, Deadline deadline) {
        String tenant = connection.tenant();
        SyncState state = connection.sync().started(clock.instant());
        states.saveProgress(tenant, state);
        try {
            SyncRun run = new SyncRun(tenant, state.epoch(), session(connection, deadline), state);
            Duration longestStep = MIN_STEP;
            while (true) {
                if (!deadline.leavesTimeFor(longestStep.plus(longestStep.dividedBy(2)))) {
                    return suspend(tenant, state);
                }
                Instant stepStart = clock.instant();
                StepOutcome step = step(run, deadline);
                Duration took = Duration.between(stepStart, clock.instant());
                longestStep = took.compareTo(longestStep) > 0 ? took : longestStep;
                state = applied(state, step);
                if (step.next() == null) {
                    return finish(tenant, state);
                }
                states.saveProgress(tenant, state);
                run = run.with(state);
            }
        } catch (SyncSupersededException changedMeanwhile) {
            throw changedMeanwhile;
        } catch (HaloRateLimitedException e) {
            LOG.infof("Ticket sync paused by Halo's rate limit for %d s", e.retryAfter().toSeconds());
            return end(tenant, state.paused(e.resumeAt(), e.getMessage()), e.resumeAt());
        } catch (HaloException e) {
            LOG.warnf("Ticket sync failed: %s", e.getMessage());
            return fail(tenant, state, e.getMessage());
        } catch (SealedValueUnreadableException e) {
            LOG.error("Ticket sync failed: the stored client secret cannot be read");
            return fail(tenant, state, "The stored client secret cannot be read; save the connection again with its secret.");
        } catch (StoreUnavailableException e) {
            LOG.warnf("Ticket sync failed: %s", e.getMessage());
            return fail(tenant, state, "The sync's storage was not available; it is tried again later.");
        } catch (RuntimeException e) {
            // The message may quote stored data or Halo's answer: only the type reaches the log.
            LOG.errorf("Ticket sync failed on an unexpected error: %s", e.getClass().getName());
            return fail(tenant, state, "The sync stopped on an unexpected error; it is tried again later.");
        }
    }

    private HaloSession session(Connection connection, Deadline deadline) {
        String clientSecret = sealer.unseal(connection.tenant(), CLIENT_SECRET, connection.clientSecret().sealed());
        return new HaloSession(connection, connection.halo().withSecret(clientSecret), tokens, reader, deadline);
    }

    private StepOutcome step(SyncRun run, Deadline deadline) {
        return switch (run.state().cursor().pass()) {
            case PURGE -> purge.run(run);
            case FIRST_OPEN, FIRST_RECENT_CLOSED, INCREMENTAL, CATCH_UP -> listing.run(run, deadline);
            case STALE -> stale.run(run, deadline);
        };
    }

    private static SyncState applied(SyncState state, StepOutcome step) {
        SyncState next = state.advancedTo(step.next() == null ? state.cursor() : step.next(), step.stored());
        for (String ticketId : step.recovered()) {
            next = next.withoutTicketFailure(ticketId);
        }
        for (var failure : step.failed()) {
            next = next.withTicketFailure(failure);
        }
        return next;
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

    private SyncState fail(String tenant, SyncState state, String why) {
        SyncState failed = state.failed(clock.instant(), config.failureBackoff(), config.longestFailureBackoff(), why);
        return end(tenant, failed, failed.nextRunAt());
    }

    private SyncState end(String tenant, SyncState state, Instant dueAt) {
        states.saveOutcome(tenant, state, dueAt);
        return state;
    }
}
