package com.halopsaconnector.time;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The one clock every bean reads the time from (UTC). One injectable clock lets a test move time
 * forward instead of waiting for it, so no test depends on how fast the machine is.
 */
@Singleton
public class SystemClock {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
