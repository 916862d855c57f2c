package com.halopsaconnector.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** When a sync run must have stopped. Runs stop between steps, never in the middle of a page. */
public record SyncDeadline(Instant at, Clock clock) {

    public static SyncDeadline after(Duration budget, Clock clock) {
        return new SyncDeadline(clock.instant().plus(budget), clock);
    }

    public Duration remaining() {
        Duration left = Duration.between(clock.instant(), at);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Whether a step expected to take {@code expected} still ends before the deadline. */
    public boolean leavesTimeFor(Duration expected) {
        return remaining().compareTo(expected) > 0;
    }
}
