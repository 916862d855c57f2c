package com.halopsaconnector.testsupport;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * A Halo instance of one test's own: WireMock on its own port, so its instance key
 * ({@code localhost:<port>}) is not the shared test Halo's. Tests that make Halo answer 429 need
 * one: the pause that follows refuses every call to the instance, and on the shared Halo it would
 * fail the test classes that run after. {@link #budgetPk()} names the instance's request-budget
 * items, for the test to delete afterwards.
 */
public final class IsolatedHalo implements AutoCloseable {

    private final WireMockServer server;
    private final int port;
    private final HaloStubs stubs;

    private IsolatedHalo(WireMockServer server) {
        this.server = server;
        this.port = server.port();
        this.stubs = HaloStubs.at(port);
    }

    public static IsolatedHalo start() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return new IsolatedHalo(server);
    }

    public HaloStubs stubs() {
        return stubs;
    }

    /** The instance key the connector counts this Halo's requests under. */
    public String instance() {
        return "localhost:" + port;
    }

    public String budgetPk() {
        return "HALO#" + instance();
    }

    @Override
    public void close() {
        server.stop();
    }
}
