package com.halopsaconnector.testsupport;

import java.time.Duration;

/**
 * An optional time bound on a long test run (fuzz, fault runs), set in seconds by a system property
 * for the full-size runs of infra/reliability. Unset, as in the test command, a run has no bound:
 * how fast the machine is must never decide whether a test passes (hangs are caught per answer, by
 * the answer timeouts). Speed is measured by the benchmarks.
 */
public final class RunTimeBound {

    /** What "unbounded" leaves, long enough for any run and safe to add to a nanosecond clock. */
    private static final Duration UNBOUNDED = Duration.ofDays(3650);

    private final String property;
    private final Duration limit;
    private final long startNanos = System.nanoTime();

    private RunTimeBound(String property, Duration limit) {
        this.property = property;
        this.limit = limit;
    }

    /** Starts now; {@code property} names the bound in seconds, unset or 0 for none. */
    public static RunTimeBound fromProperty(String property) {
        long seconds = Long.getLong(property, 0);
        return new RunTimeBound(property, seconds > 0 ? Duration.ofSeconds(seconds) : null);
    }

    public boolean passed() {
        return limit != null && System.nanoTime() - startNanos >= limit.toNanos();
    }

    public Duration left() {
        if (limit == null) {
            return UNBOUNDED;
        }
        Duration left = limit.minusNanos(System.nanoTime() - startNanos);
        return left.isNegative() ? Duration.ZERO : left;
    }

    @Override
    public String toString() {
        return limit == null ? "no time bound" : "the time bound of " + limit.toSeconds() + " s (-D" + property + ")";
    }
}
