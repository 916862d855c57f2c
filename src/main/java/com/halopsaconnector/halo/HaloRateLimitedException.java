package com.halopsaconnector.halo;

import java.time.Duration;

/** Halo kept answering 429 after we backed off as far as the request's time allows. */
public final class HaloRateLimitedException extends HaloException {

    private final Duration retryAfter;

    public HaloRateLimitedException(Duration retryAfter) {
        super("Halo is rate-limiting this instance; try again in " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
