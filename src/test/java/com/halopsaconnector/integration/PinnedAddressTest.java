package com.halopsaconnector.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.halopsaconnector.integration.HaloIntegrationApi.adminOf;
import static com.halopsaconnector.integration.HaloIntegrationApi.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.halopsaconnector.halo.HostResolver;
import com.halopsaconnector.testsupport.HaloStubs;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Calls to Halo go only to an address the URL guard checked for that call. The REST client resolves
 * the host name itself when it connects; the test resolver plays the DNS answer the guard saw. When
 * the two differ (the name answered the guard one way and the connection another: DNS rebinding),
 * the connection is made but nothing is written on it.
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class PinnedAddressTest {

    /** The host of the test Halo's URLs; the system resolves it to {@value #CONNECTED}. */
    static final String HOST = "localhost";
    static final String CONNECTED = "127.0.0.1";
    /** A loopback address the guard accepts (insecure URLs are allowed in tests) but nothing connects to. */
    static final String OTHER = "127.0.0.2";

    @Inject
    Table table;

    HaloStubs halo;
    ScriptedResolver resolver;
    String tenant;

    @BeforeEach
    void setUp() {
        halo = HaloStubs.fromConfig().acceptsAnyClient().servesTickets();
        resolver = new ScriptedResolver();
        QuarkusMock.installMockForType(resolver, HostResolver.class);
        tenant = "tenant-" + UUID.randomUUID();
    }

    @Test
    void callsGoToTheCheckedAddress_withTheHostNameKeptInTheHostHeader() {
        resolver.answerAlways(address(CONNECTED));

        HaloIntegrationApi.save(adminOf(tenant), pinnedBody(port())).statusCode(200);

        String hostHeader = HOST + ":" + port();
        halo.wireMock().verifyThat(1, postRequestedFor(urlPathEqualTo("/auth/token"))
                .withHeader("Host", WireMock.equalTo(hostHeader)));
        halo.wireMock().verifyThat(getRequestedFor(urlPathEqualTo("/api/Tickets"))
                .withHeader("Host", WireMock.equalTo(hostHeader)));
    }

    @Test
    void aNameThatRebindsAfterTheCheck_isNotSentTo_andTheAnswerSaysNoMoreThanUnreachable() {
        // The check looks up the Auth URL's and the Resource URL's host; the name changes after that.
        resolver.answerOnce(address(CONNECTED));
        resolver.answerOnce(address(CONNECTED));
        resolver.answerAlways(address(OTHER));

        HaloIntegrationApi.save(adminOf(tenant), pinnedBody(port())).statusCode(502)
                .body("type", endsWith("/halo-unreachable"))
                .body("detail", equalTo(noAnswerFrom(port())));

        assertThat(resolver.lookups()).isEqualTo(3);
        halo.wireMock().verifyThat(0, anyRequestedFor(anyUrl()));
        assertThat(table.item("TENANT#" + tenant, "CONFIG")).isEmpty();
    }

    /** WireMock counts whole requests; a plain socket shows that not one byte (not even a head) was written. */
    @Test
    void aRefusedConnection_isMade_butNotOneByteIsWrittenOnIt() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, address(CONNECTED))) {
            listener.setSoTimeout(60_000);
            CompletableFuture<Integer> bytesReceived = CompletableFuture.supplyAsync(() -> bytesUntilClosed(listener));
            resolver.answerOnce(address(CONNECTED));
            resolver.answerOnce(address(CONNECTED));
            resolver.answerAlways(address(OTHER));

            HaloIntegrationApi.save(adminOf(tenant), pinnedBody(listener.getLocalPort())).statusCode(502)
                    .body("detail", equalTo(noAnswerFrom(listener.getLocalPort())));

            assertThat(bytesReceived.get(90, TimeUnit.SECONDS)).as("bytes received on the refused connection").isZero();
        }
        assertThat(table.item("TENANT#" + tenant, "CONFIG")).isEmpty();
    }

    private static int bytesUntilClosed(ServerSocket listener) {
        try (Socket accepted = listener.accept(); InputStream in = accepted.getInputStream()) {
            accepted.setSoTimeout(60_000);
            int count = 0;
            while (in.read() != -1) {
                count++;
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("no connection, or it was not closed", e);
        }
    }

    private static String noAnswerFrom(int port) {
        return "Halo could not be reached at " + HOST + ":" + port + "; check the URL and that Halo is online";
    }

    private Map<String, Object> pinnedBody(int authPort) {
        Map<String, Object> body = body(halo, "acme", "client-1", "pinned-secret-" + UUID.randomUUID());
        body.put("authUrl", "http://" + HOST + ":" + authPort + HaloStubs.AUTH_PATH);
        body.put("resourceUrl", "http://" + HOST + ":" + port() + HaloStubs.API_PATH);
        return body;
    }

    private int port() {
        return URI.create(halo.authUrl()).getPort();
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    /** Answers for {@value #HOST} as scripted (DNS rebinding), and asks the system for every other name. */
    static final class ScriptedResolver extends HostResolver {
        private final Deque<List<InetAddress>> once = new ArrayDeque<>();
        private List<InetAddress> always = List.of();
        private int lookups;

        void answerOnce(InetAddress... addresses) {
            once.add(List.of(addresses));
        }

        void answerAlways(InetAddress... addresses) {
            always = List.of(addresses);
        }

        synchronized int lookups() {
            return lookups;
        }

        @Override
        public synchronized List<InetAddress> resolve(String host) throws UnknownHostException {
            if (!HOST.equals(host)) {
                return super.resolve(host);
            }
            lookups++;
            return once.isEmpty() ? always : once.poll();
        }
    }
}
