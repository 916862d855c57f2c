package com.halopsaconnector.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When the current API request must have finished its work: after this, API Gateway may already
 * have answered the caller, so nothing may be committed any more.
 */
public record RequestDeadline(Instant at, Clock clock) {

    public static RequestDeadline after(Duration budget, Clock clock) {
        return new RequestDeadline(clock.instant().plus(budget), clock);
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
}
