package com.halopsaconnector.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A connection's ticket sync as the customer sees it, plus the cursor an unfinished sync resumes
 * from. {@code epoch} is the connection version that started this line of syncs: a save that
 * points the connection at other Halo data starts a new epoch, and progress of an older one is
 * refused.
 *
 * @param ticketsSynced tickets read from Halo and stored by the current (or last finished) sync
 * @param complete      whether a sync has ever finished all its passes
 * @param watermark     when the last complete sync started; the next incremental sync reads from there
 * @param error         why the last run stopped early, in plain words; {@code null} when it did not
 */
public record SyncState(Phase phase, long ticketsSynced, boolean complete, Instant watermark, Instant lastSuccessAt,
                        Instant nextRunAt, String error, SyncCursor cursor, long epoch) {

    public enum Phase { NEVER, RUNNING, IDLE, FAILED }

    public static SyncState notStarted(long epoch, Instant now) {
        return new SyncState(Phase.NEVER, 0, false, null, null, now, null, null, epoch);
    }

    public boolean isDue(Instant now) {
        return cursor != null || nextRunAt == null || !now.isBefore(nextRunAt);
    }

    /** Resumes the unfinished sync, or starts a first or an incremental one. */
    public SyncState started(Instant now) {
        if (cursor != null) {
            return new SyncState(Phase.RUNNING, ticketsSynced, complete, watermark, lastSuccessAt, nextRunAt, null,
                    cursor, epoch);
        }
        SyncCursor fresh = complete ? SyncCursor.incremental(now) : SyncCursor.firstSync(now);
        return new SyncState(Phase.RUNNING, 0, complete, watermark, lastSuccessAt, nextRunAt, null, fresh, epoch);
    }

    public SyncState advancedTo(SyncCursor next, int ticketsStored) {
        return new SyncState(phase, ticketsSynced + ticketsStored, complete, watermark, lastSuccessAt, nextRunAt, error,
                next, epoch);
    }

    /** Every pass done: the sync's start time becomes the watermark. */
    public SyncState finished(Instant now, Duration untilNextRun) {
        return new SyncState(Phase.IDLE, ticketsSynced, true, cursor.startedAt(), now, now.plus(untilNextRun), null,
                null, epoch);
    }

    /** Out of time for this run; the cursor stays and a background run goes on from it. */
    public SyncState suspended(Instant nextRun) {
        return new SyncState(Phase.RUNNING, ticketsSynced, complete, watermark, lastSuccessAt, nextRun, null, cursor,
                epoch);
    }

    /** Halo asked us to wait (or our request budget is used up); the cursor stays. */
    public SyncState paused(Instant resumeAt, String why) {
        return new SyncState(cursor == null ? phase : Phase.RUNNING, ticketsSynced, complete, watermark, lastSuccessAt,
                resumeAt, why, cursor, epoch);
    }

    /** Halo refused or failed; the cursor stays so that a later run resumes where this one stopped. */
    public SyncState failed(Instant nextRun, String why) {
        return new SyncState(Phase.FAILED, ticketsSynced, complete, watermark, lastSuccessAt, nextRun, why, cursor,
                epoch);
    }
}
