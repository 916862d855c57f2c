package com.halopsaconnector.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When a piece of work must have finished: an API request (after which API Gateway may already have
 * answered the caller, so nothing may be committed any more) or a sync run (which stops between
 * steps, never in the middle of a page). Calls to Halo wait no longer than what is left of it.
 */
public record Deadline(Instant at, Clock clock) {

    public static Deadline after(Duration budget, Clock clock) {
        return new Deadline(clock.instant().plus(budget), clock);
    }

    public Duration remaining() {
        Duration left = Duration.between(clock.instant(), at);
        return left.isNegative() ? Duration.ZERO : left;
    }

    public boolean hasPassed() {
        return !clock.instant().isBefore(at);
    }

    /** @throws DeadlinePassedException when no time is left */
    public void requireTimeLeft() {
        if (hasPassed()) {
            throw new DeadlinePassedException();
        }
    }

    /** Whether a step expected to take {@code expected} still ends before the deadline. */
    public boolean leavesTimeFor(Duration expected) {
        return remaining().compareTo(expected) > 0;
    }

    /** This deadline, or {@code budget} from now when that comes sooner. */
    public Deadline within(Duration budget) {
        Deadline sooner = after(budget, clock);
        return sooner.at.isBefore(at) ? sooner : this;
    }
}
