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

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * Calls to Halo connect to the address the URL guard checked, not to whatever a second lookup of
 * the name says. The name {@value #HOST} exists only in this test's resolver: the system's DNS
 * cannot resolve it, so a call that reached the test Halo was connected to the checked address.
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class PinnedAddressTest {

    static final String HOST = "halo-pinned.test";

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
        resolver.answerAlways(loopback());

        HaloIntegrationApi.save(adminOf(tenant), pinnedBody()).statusCode(200);

        String hostHeader = HOST + ":" + port();
        halo.wireMock().verifyThat(1, postRequestedFor(urlPathEqualTo("/auth/token"))
                .withHeader("Host", WireMock.equalTo(hostHeader)));
        halo.wireMock().verifyThat(getRequestedFor(urlPathEqualTo("/api/Tickets"))
                .withHeader("Host", WireMock.equalTo(hostHeader)));
    }

    @Test
    void aNameThatRebindsAfterTheCheck_isNotConnectedTo_andTheAnswerSaysNoMoreThanUnreachable() {
        // The check looks up the Auth URL's and the Resource URL's host; the name changes after that.
        resolver.answerOnce(loopback());
        resolver.answerOnce(loopback());
        resolver.answerAlways(loopback(), address("10.0.0.1"));

        HaloIntegrationApi.save(adminOf(tenant), pinnedBody()).statusCode(502)
                .body("type", endsWith("/halo-unreachable"))
                .body("detail", equalTo("Halo could not be reached at " + HOST + ":" + port()
                        + "; check the URL and that Halo is online"));

        assertThat(resolver.lookups()).isEqualTo(3);
        halo.wireMock().verifyThat(0, anyRequestedFor(anyUrl()));
        assertThat(table.item("TENANT#" + tenant, "CONFIG")).isEmpty();
    }

    private Map<String, Object> pinnedBody() {
        Map<String, Object> body = body(halo, "acme", "client-1", "pinned-secret-" + UUID.randomUUID());
        body.put("authUrl", "http://" + HOST + ":" + port() + HaloStubs.AUTH_PATH);
        body.put("resourceUrl", "http://" + HOST + ":" + port() + HaloStubs.API_PATH);
        return body;
    }

    private int port() {
        return URI.create(halo.authUrl()).getPort();
    }

    private static InetAddress loopback() {
        return address("127.0.0.1");
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
