package com.halopsaconnector.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A connection's ticket sync as the customer sees it, plus the cursor an unfinished sync resumes
 * from. {@code epoch} names the line of syncs of one Halo's data: a save that points the connection
 * at other Halo data starts a new, larger epoch (never one used before, even after a Disconnect), and
 * writes of an older one are refused.
 *
 * @param ticketsSynced tickets read from Halo and stored by the current (or last finished) sync
 * @param complete      whether a sync has ever finished all its passes
 * @param watermark     when the last complete sync started; the next incremental sync reads from there
 * @param error         why the last run stopped early, in plain words; {@code null} when it did not
 * @param failedRuns    runs in a row that failed; each doubles the wait before the next
 * @param failedTickets tickets the sync could not read, each tried again later (at most {@link #MAX_FAILED_TICKETS})
 */
public record SyncState(Phase phase, long ticketsSynced, boolean complete, Instant watermark, Instant lastSuccessAt,
                        Instant nextRunAt, String error, SyncCursor cursor, long epoch, int failedRuns,
                        List<TicketFailure> failedTickets) {

    public enum Phase { NEVER, RUNNING, IDLE, FAILED }

    public static final int MAX_FAILED_TICKETS = 20;

    public SyncState {
        failedTickets = failedTickets == null ? List.of() : List.copyOf(failedTickets);
    }

    public static SyncState notStarted(long epoch, Instant now) {
        return new SyncState(Phase.NEVER, 0, false, null, null, now, null, null, epoch, 0, List.of());
    }

    public boolean isDue(Instant now) {
        return cursor != null || nextRunAt == null || !now.isBefore(nextRunAt);
    }

    /** Resumes the unfinished sync, or starts a first or an incremental one. */
    public SyncState started(Instant now) {
        if (cursor != null) {
            return change().phase(Phase.RUNNING).error(null).build();
        }
        SyncCursor fresh = complete ? SyncCursor.incremental(now) : SyncCursor.firstSync(now);
        return change().phase(Phase.RUNNING).ticketsSynced(0).error(null).cursor(fresh).build();
    }

    public SyncState advancedTo(SyncCursor next, int ticketsStored) {
        return change().ticketsSynced(ticketsSynced + ticketsStored).cursor(next).build();
    }

    /** Every pass done: the sync's start time becomes the watermark. */
    public SyncState finished(Instant now, Duration untilNextRun) {
        return change().phase(Phase.IDLE).complete(true).watermark(cursor.startedAt()).lastSuccessAt(now)
                .nextRunAt(now.plus(untilNextRun)).error(null).cursor(null).failedRuns(0).build();
    }

    /** Out of time for this run; the cursor stays and a background run goes on from it. */
    public SyncState suspended(Instant nextRun) {
        return change().phase(Phase.RUNNING).nextRunAt(nextRun).error(null).failedRuns(0).build();
    }

    /** Halo asked us to wait (or our request budget is used up); the cursor stays. */
    public SyncState paused(Instant resumeAt, String why) {
        return change().phase(cursor == null ? phase : Phase.RUNNING).nextRunAt(resumeAt).error(why).build();
    }

    /**
     * The run failed; the cursor stays so that a later run resumes where this one stopped, after a
     * wait of {@code firstWait}, doubled for every failed run before it, at most {@code longestWait}.
     */
    public SyncState failed(Instant now, Duration firstWait, Duration longestWait, String why) {
        int runs = failedRuns + 1;
        Duration wait = firstWait.multipliedBy(1L << Math.min(runs - 1, 20));
        Duration capped = wait.compareTo(longestWait) > 0 ? longestWait : wait;
        return change().phase(Phase.FAILED).nextRunAt(now.plus(capped)).error(why).failedRuns(runs).build();
    }

    /** {@code failure}'s ticket failed (again): listed first, the oldest entries dropped past the limit. */
    public SyncState withTicketFailure(TicketFailure failure) {
        List<TicketFailure> list = new ArrayList<>();
        list.add(failure);
        failedTickets.stream().filter(f -> !f.ticketId().equals(failure.ticketId())).forEach(list::add);
        return change().failedTickets(list.subList(0, Math.min(list.size(), MAX_FAILED_TICKETS))).build();
    }

    /** The ticket was read after all. */
    public SyncState withoutTicketFailure(String ticketId) {
        if (failedTickets.stream().noneMatch(f -> f.ticketId().equals(ticketId))) {
            return this;
        }
        return change().failedTickets(failedTickets.stream().filter(f -> !f.ticketId().equals(ticketId)).toList()).build();
    }

    private Changes change() {
        return new Changes(this);
    }

    /** A copy of a state with some values changed; keeps each transition above to what it changes. */
    private static final class Changes {
        private Phase phase;
        private long ticketsSynced;
        private boolean complete;
        private Instant watermark;
        private Instant lastSuccessAt;
        private Instant nextRunAt;
        private String error;
        private SyncCursor cursor;
        private final long epoch;
        private int failedRuns;
        private List<TicketFailure> failedTickets;

        Changes(SyncState from) {
            phase = from.phase;
            ticketsSynced = from.ticketsSynced;
            complete = from.complete;
            watermark = from.watermark;
            lastSuccessAt = from.lastSuccessAt;
            nextRunAt = from.nextRunAt;
            error = from.error;
            cursor = from.cursor;
            epoch = from.epoch;
            failedRuns = from.failedRuns;
            failedTickets = from.failedTickets;
        }

        Changes phase(Phase value) {
            phase = value;
            return this;
        }

        Changes ticketsSynced(long value) {
            ticketsSynced = value;
            return this;
        }

        Changes complete(boolean value) {
            complete = value;
            return this;
        }

        Changes watermark(Instant value) {
            watermark = value;
            return this;
        }

        Changes lastSuccessAt(Instant value) {
            lastSuccessAt = value;
            return this;
        }

        Changes nextRunAt(Instant value) {
            nextRunAt = value;
            return this;
        }

        Changes error(String value) {
            error = value;
            return this;
        }

        Changes cursor(SyncCursor value) {
            cursor = value;
            return this;
        }

        Changes failedRuns(int value) {
            failedRuns = value;
            return this;
        }

        Changes failedTickets(List<TicketFailure> value) {
            failedTickets = value;
            return this;
        }

        SyncState build() {
            return new SyncState(phase, ticketsSynced, complete, watermark, lastSuccessAt, nextRunAt, error, cursor, epoch,
                    failedRuns, failedTickets);
        }
    }
}
