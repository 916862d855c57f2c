package com.halopsaconnector.standin;

import java.util.Optional;

/**
 * Started by {@code infra/local/run.sh}: a stand-in Halo on {@code HALO_PORT} (default: a free
 * port), printing the five values to type into the settings page. Runs until killed.
 */
public final class StandInHaloMain {

    private StandInHaloMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(env("HALO_PORT").orElse("0"));
        StandInHalo halo = StandInHalo.start(port, StandInCredentials.DEFAULT);
        StandInCredentials credentials = halo.credentials();
        System.out.printf("""
                  Stand-in Halo (%d sample tickets) on 127.0.0.1:%d — type these into the settings page:
                    Auth URL:       %s
                    Resource URL:   %s
                    Tenant:         %s
                    Client ID:      %s
                    Client Secret:  %s
                %n""", StandInHalo.SAMPLE_TICKETS, halo.port(), halo.authUrl(), halo.resourceUrl(),
                credentials.tenant(), credentials.clientId(), credentials.clientSecret());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(halo::close));
        Thread.currentThread().join();
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }
}
