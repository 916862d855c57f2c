package com.halopsaconnector.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * No request may go to a Halo instance before {@link #resumeAt()}: Halo answered 429 and asked us
 * to wait ({@link #haloAsked()}), or this connector's own request budget for it is used up. The
 * message names the cause in words a customer understands; it carries no stack trace, as it is an
 * expected answer rather than a fault.
 */
public final class HaloRequestsPausedException extends RuntimeException {

    private final String instance;
    private final Instant resumeAt;
    private final boolean haloAsked;

    private HaloRequestsPausedException(String message, String instance, Instant resumeAt, boolean haloAsked) {
        super(message, null, false, false);
        this.instance = instance;
        this.resumeAt = resumeAt;
        this.haloAsked = haloAsked;
    }

    public static HaloRequestsPausedException haloAsked(String instance, Instant resumeAt) {
        return new HaloRequestsPausedException("Halo's rate limit was reached for " + instance, instance, resumeAt, true);
    }

    public static HaloRequestsPausedException budgetUsedUp(String instance, int requests, Duration window,
                                                           Instant resumeAt) {
        return new HaloRequestsPausedException("This connector's request budget for " + instance + " (" + requests
                + " requests per " + inWords(window) + ") is used up", instance, resumeAt, false);
    }

    public String instance() {
        return instance;
    }

    public Instant resumeAt() {
        return resumeAt;
    }

    /** True when Halo's 429 asked for the pause, false when our own budget is used up. */
    public boolean haloAsked() {
        return haloAsked;
    }

    private static String inWords(Duration window) {
        long minutes = window.toMinutes();
        if (window.equals(Duration.ofMinutes(minutes)) && minutes > 0) {
            return minutes == 1 ? "minute" : minutes + " minutes";
        }
        return window.toSeconds() + " seconds";
    }
}
