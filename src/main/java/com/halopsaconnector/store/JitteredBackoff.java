package com.halopsaconnector.store;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential back-off with jitter between DynamoDB retries: 25-50 ms, 50-100 ms, 100-200 ms, ... */
public final class JitteredBackoff {

    public static final Duration FIRST = Duration.ofMillis(25);

    private JitteredBackoff() {
    }

    /** @return false when the thread was interrupted (its flag is set again): the caller should stop retrying */
    public static boolean pause(int retry) {
        long base = FIRST.toMillis() << (retry - 1);
        try {
            Thread.sleep(base + ThreadLocalRandom.current().nextLong(base + 1));
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
