package com.halopsaconnector.halo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.net.SocketAddress;

/**
 * Builds the REST clients for one call to a Halo instance: short timeouts bounded by what the
 * caller can wait, no redirects (a redirect could carry the client secret to a host the URL guard
 * never checked), and no exception for 4xx/5xx answers (callers read the status).
 *
 * <p>DNS rebinding: building a client resolves the URL's host through the guard
 * ({@link HaloUrlGuard#checkedAddresses}). The REST client then connects by host name (so TLS SNI,
 * the Host header and certificate hostname verification use the URL's host), and the request
 * customizer, which RESTEasy Reactive runs once the connection is made and before anything is
 * written on it, refuses the call unless the address actually connected to is one of the checked
 * addresses. A name that answers differently when the connection is made gets no request at all.
 */
@ApplicationScoped
public class HaloApiClients {

    private static final Logger LOG = Logger.getLogger(HaloApiClients.class);

    @ConfigProperty(name = "connector.halo.connect-timeout")
    Duration connectTimeout;

    @ConfigProperty(name = "connector.halo.read-timeout")
    Duration readTimeout;

    @Inject
    HaloUrlGuard guard;

    @Inject
    Vertx vertx;

    /** Certificates to trust instead of the JVM's CAs: only tests set it (a test server's own certificate). */
    KeyStore trustStore;

    /**
     * @param maxWait how long the caller can wait for the answer at most; the configured timeouts may be shorter
     * @throws HaloUnreachableException when no time is left, or the guard refuses the URL's host now
     */
    public HaloAuthApi auth(String authUrl, Duration maxWait) {
        return builder(authUrl, maxWait).build(HaloAuthApi.class);
    }

    /** As {@link #auth}, for the Resource URL. */
    public HaloTicketsApi tickets(String resourceUrl, Duration maxWait) {
        return builder(resourceUrl, maxWait).build(HaloTicketsApi.class);
    }

    /** The base URL as clients are built for it, for messages and logs. */
    static URI baseUri(String baseUrl) {
        String result = baseUrl;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return URI.create(result);
    }

    private QuarkusRestClientBuilder builder(String baseUrl, Duration maxWait) {
        URI base = baseUri(baseUrl);
        Duration within = shortest(connectTimeout.plus(readTimeout), maxWait);
        if (within.toMillis() <= 0) {
            LOG.infof("Request to Halo host %s not sent: no time left", base.getHost());
            throw HaloUnreachableException.noAnswer(base, null);
        }
        List<InetAddress> checked = guard.checkedAddresses(base);
        long giveUpAt = System.nanoTime() + within.toNanos();
        QuarkusRestClientBuilder builder = QuarkusRestClientBuilder.newBuilder()
                .baseUri(base)
                .connectTimeout(shortest(connectTimeout, within).toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(shortest(readTimeout, within).toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .disableDefaultMapper(true)
                .verifyHost(true)
                .httpClientRequestCustomizer(request -> admitOrRefuse(request, base, checked, giveUpAt));
        return trustStore == null ? builder : builder.trustStore(trustStore);
    }

    /**
     * Runs on the event loop once the connection is made, before the request's head is written:
     * a request reset here is never written (Vert.x checks for the reset before writing the head),
     * and the REST client call fails with Vert.x' {@code StreamResetException}, whose cause says why
     * ({@link HaloCallExecutor} turns it into {@link HaloUnreachableException}).
     */
    private void admitOrRefuse(HttpClientRequest request, URI base, List<InetAddress> checked, long giveUpAt) {
        SocketAddress remote = request.connection().remoteAddress();
        InetAddress connected = literal(remote);
        String target = request.getMethod() + " " + base.getScheme() + "://" + base.getRawAuthority() + request.path();
        if (!guard.approves(checked, connected)) {
            refuse(request, target, new NotSentException("connected to " + remote.hostAddress()
                    + ", which is not an address the URL guard checked for " + base.getHost() + " in this call "
                    + checked.stream().map(InetAddress::getHostAddress).toList()));
            return;
        }
        long leftNanos = giveUpAt - System.nanoTime();
        if (leftNanos <= 0) {
            refuse(request, target, new NotSentException("the caller stopped waiting while the connection was made"));
            return;
        }
        LOG.infof("Halo request: %s to %s", target, connected.getHostAddress());
        long timer = vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(leftNanos)),
                late -> request.reset(0, new IOException("no complete answer within the time the caller could wait")));
        request.connection().closeHandler(closed -> vertx.cancelTimer(timer));
    }

    private static void refuse(HttpClientRequest request, String target, NotSentException why) {
        LOG.warnf("Halo request %s not sent: %s", target, why.getMessage());
        // The reset fails the call; this request has no other reader of the failure than the REST client.
        request.exceptionHandler(reported -> { });
        request.reset(0, why);
        request.connection().close();
    }

    /** The connected address as the socket reports it: an IP literal, so no lookup happens here. */
    private static InetAddress literal(SocketAddress remote) {
        String host = remote == null ? null : remote.hostAddress();
        if (host == null || host.isEmpty()) {
            return null;
        }
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException notALiteral) {
            return null;
        }
    }

    private static Duration shortest(Duration first, Duration second) {
        return first.compareTo(second) <= 0 ? first : second;
    }

    /** Why a connection was given no request (or was cut); the cause of the REST client's failure, for the log. */
    static final class NotSentException extends IOException {
        NotSentException(String message) {
            super(message);
        }
    }
}
