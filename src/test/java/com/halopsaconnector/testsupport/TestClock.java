package com.halopsaconnector.testsupport;

import java.time.Clock;
import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The application's clock in every {@code @QuarkusTest}: the system clock until a test moves it
 * forward, so that "time has passed" never depends on how fast the machine is. A test that moves
 * it calls {@link #reset()} when it ends.
 */
@Singleton
public class TestClock {

    private static final AdjustableClock SHARED = new AdjustableClock();

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    Clock clock() {
        return SHARED;
    }

    public static void advance(Duration by) {
        SHARED.advance(by);
    }

    public static void reset() {
        SHARED.reset();
    }
}
