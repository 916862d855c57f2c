package com.halopsaconnector.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.microprofile.config.ConfigProvider;

import com.github.tomakehurst.wiremock.client.WireMock;

/** WireMock playing one Halo instance at {@code /auth} and {@code /api}, answering with the shared samples. */
public final class HaloStubs {

    public static final String AUTH_PATH = "/auth";
    public static final String API_PATH = "/api";

    private final WireMock wireMock;
    private final int port;

    private HaloStubs(int port) {
        this.port = port;
        this.wireMock = new WireMock("127.0.0.1", port);
    }

    public static HaloStubs fromConfig() {
        int port = ConfigProvider.getConfig().getValue(TestEnvironment.HALO_PORT, Integer.class);
        HaloStubs stubs = new HaloStubs(port);
        stubs.wireMock.resetToDefaultMappings();
        stubs.wireMock.resetRequests();
        return stubs;
    }

    /** Stubs on a WireMock server of a test's own (see {@link IsolatedHalo}); nothing is reset. */
    public static HaloStubs at(int port) {
        return new HaloStubs(port);
    }

    public WireMock wireMock() {
        return wireMock;
    }

    public String authUrl() {
        return "http://localhost:" + port + AUTH_PATH;
    }

    public String resourceUrl() {
        return "http://localhost:" + port + API_PATH;
    }

    public HaloStubs acceptsAnyClient() {
        wireMock.register(post(urlPathEqualTo(AUTH_PATH + "/token"))
                .willReturn(json(200, Samples.read("token-response.json"))));
        return this;
    }

    public HaloStubs rejectsClient() {
        wireMock.register(post(urlPathEqualTo(AUTH_PATH + "/token"))
                .willReturn(json(401, Samples.read("token-invalid-client.json"))));
        return this;
    }

    /**
     * Answers Save's one-row probe with the shared sample page, and the sync's listings (pages of
     * 100) with no tickets, so tests about other things find only the ticket items they wrote.
     */
    public HaloStubs servesTickets() {
        wireMock.register(get(urlPathEqualTo(API_PATH + "/Tickets"))
                .willReturn(json(200, Samples.read("tickets-page.json"))));
        // The sync's pages and its check of the ids find no tickets: this Halo's list is for Save's probe.
        wireMock.register(get(urlPathEqualTo(API_PATH + "/Tickets")).withQueryParam("page_size", equalTo("100"))
                .willReturn(json(200, "{\"record_count\":0,\"tickets\":[]}")));
        wireMock.register(get(urlPathEqualTo(API_PATH + "/Tickets")).withQueryParam("ticketidonly", equalTo("true"))
                .willReturn(json(200, "{\"record_count\":0,\"tickets\":[]}")));
        return this;
    }

    public HaloStubs ticketsAnswer(int status) {
        wireMock.register(get(urlPathEqualTo(API_PATH + "/Tickets")).willReturn(aResponse().withStatus(status)));
        return this;
    }

    public HaloStubs ticketsAnswer429(String retryAfter) {
        wireMock.register(get(urlPathEqualTo(API_PATH + "/Tickets"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", retryAfter)));
        return this;
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** The files in ../shared/halo-samples (copied into test resources so a clone needs nothing beside it). */
    public static final class Samples {
        private Samples() {
        }

        public static String read(String name) {
            try {
                return Files.readString(Path.of("src/test/resources/halo-samples", name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
