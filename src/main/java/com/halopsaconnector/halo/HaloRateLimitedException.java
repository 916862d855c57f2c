package com.halopsaconnector.halo;

import java.time.Duration;
import java.time.Instant;

import com.halopsaconnector.domain.HaloRequestsPausedException;

/**
 * Requests to a Halo instance are paused until {@link #resumeAt()}: Halo answered 429, or this
 * connector's request budget for the instance is used up. The message says which, in plain words.
 */
public final class HaloRateLimitedException extends HaloException {

    private static final Duration SHORTEST_WAIT = Duration.ofSeconds(1);

    private final Instant resumeAt;
    private final Duration retryAfter;

    private HaloRateLimitedException(String message, Instant resumeAt, Duration retryAfter) {
        super(message);
        this.resumeAt = resumeAt;
        this.retryAfter = retryAfter;
    }

    /** Halo answered 429, now or earlier, and asked us to wait until {@code resumeAt}. */
    static HaloRateLimitedException haloAsked(String instance, Instant resumeAt, Instant now) {
        Duration wait = waitFrom(now, resumeAt);
        return new HaloRateLimitedException("Halo's rate limit was reached; requests to " + instance
                + " resume in " + wait.toSeconds() + " s.", resumeAt, wait);
    }

    /** The shared request budget refused to let a request go to Halo. */
    static HaloRateLimitedException from(HaloRequestsPausedException paused, Instant now) {
        if (paused.haloAsked()) {
            return haloAsked(paused.instance(), paused.resumeAt(), now);
        }
        Duration wait = waitFrom(now, paused.resumeAt());
        return new HaloRateLimitedException(paused.getMessage() + "; requests resume in " + wait.toSeconds() + " s.",
                paused.resumeAt(), wait);
    }

    public Instant resumeAt() {
        return resumeAt;
    }

    /** How long after this was thrown requests resume; at least one second. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Rounded up to whole seconds, so a caller who waits exactly this long is not early. */
    private static Duration waitFrom(Instant now, Instant resumeAt) {
        Duration exact = Duration.between(now, resumeAt);
        Duration wholeSeconds = Duration.ofSeconds(exact.getSeconds() + (exact.getNano() > 0 ? 1 : 0));
        return wholeSeconds.compareTo(SHORTEST_WAIT) < 0 ? SHORTEST_WAIT : wholeSeconds;
    }
}
