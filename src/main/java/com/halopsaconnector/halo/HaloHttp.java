package com.halopsaconnector.halo;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * Sends requests to Halo over Vert.x' HTTP client, connected to the address the URL guard checked:
 * the host name is resolved once, by {@link HaloUrlGuard#addressToConnect}, and the connection goes to
 * that address ({@link RequestOptions#setServer}), while the host name is kept for the Host header,
 * TLS SNI and certificate hostname verification. So a DNS answer that changes after the check
 * (rebinding) is never connected to. Redirects are not followed; one connection per request.
 */
@ApplicationScoped
public class HaloHttp {

    private static final Logger LOG = Logger.getLogger(HaloHttp.class);

    @ConfigProperty(name = "connector.halo.connect-timeout")
    Duration connectTimeout;

    @ConfigProperty(name = "connector.halo.read-timeout")
    Duration readTimeout;

    @Inject
    Vertx vertx;

    @Inject
    HaloUrlGuard guard;

    private HttpClient client;

    /**
     * Blocks until Halo answered, the timeouts ran out, or {@code request.maxWait()} passed.
     *
     * @throws HaloUnreachableException when no HTTP answer came, with the same words whatever the reason
     */
    HaloReply send(HaloRequest request) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("Calls to Halo block and must not run on an event loop thread");
        }
        URI uri = request.uri();
        Duration within = shortest(connectTimeout.plus(readTimeout), request.maxWait());
        if (within.toMillis() <= 0) {
            LOG.infof("Request to Halo host %s not sent: no time left", uri.getHost());
            throw HaloUnreachableException.noAnswer(uri, null);
        }
        InetAddress address = guard.addressToConnect(uri);
        LOG.infof("Halo request: %s to %s", request, address.getHostAddress());
        AtomicBoolean abandoned = new AtomicBoolean();
        Future<HaloReply> reply = client().request(options(request, address, within))
                .compose(sent -> abandoned.get() ? abandon(sent) : send(sent, request))
                .compose(HaloHttp::readWhole);
        try {
            return reply.toCompletionStage().toCompletableFuture().get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abandoned.set(true);
            throw failed(request, address, e);
        } catch (ExecutionException e) {
            throw failed(request, address, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(request, address, e);
        }
    }

    private RequestOptions options(HaloRequest request, InetAddress address, Duration within) {
        URI uri = request.uri();
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(request.method()))
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(address, port)))
                .setHost(HaloUrlGuard.hostOf(uri))
                .setPort(port)
                .setSsl(https)
                .setURI(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))
                .setFollowRedirects(false)
                .setConnectTimeout(shortest(connectTimeout, within).toMillis())
                .setIdleTimeout(shortest(readTimeout, within).toMillis());
        request.headers().forEach(options::putHeader);
        return options;
    }

    private static Future<HttpClientResponse> send(HttpClientRequest sent, HaloRequest request) {
        return request.formBody() == null ? sent.send() : sent.send(request.formBody());
    }

    /** The caller stopped waiting while the connection was being made: nothing is sent on it. */
    private static Future<HttpClientResponse> abandon(HttpClientRequest sent) {
        sent.reset();
        return Future.failedFuture(new TimeoutException("abandoned before sending"));
    }

    private static Future<HaloReply> readWhole(HttpClientResponse response) {
        Map<String, String> headers = new HashMap<>();
        response.headers().forEach(header -> headers.putIfAbsent(header.getKey(), header.getValue()));
        return response.body().map(body -> new HaloReply(response.statusCode(), headers,
                body.toString(StandardCharsets.UTF_8)));
    }

    private static HaloUnreachableException failed(HaloRequest request, InetAddress address, Throwable cause) {
        LOG.warnf("Halo request %s to %s got no answer: %s", request, address.getHostAddress(), describe(cause));
        return HaloUnreachableException.noAnswer(request.uri(), cause);
    }

    private static String describe(Throwable cause) {
        return cause == null ? "unknown" : cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
    }

    private static Duration shortest(Duration first, Duration second) {
        return first.compareTo(second) <= 0 ? first : second;
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = vertx.createHttpClient(clientOptions());
        }
        return client;
    }

    /** The JVM's trusted certificates, checked against the URL's host name. */
    HttpClientOptions clientOptions() {
        return new HttpClientOptions()
                .setConnectTimeout((int) connectTimeout.toMillis())
                .setKeepAlive(false)
                .setVerifyHost(true)
                .setTrustAll(false);
    }

    @PreDestroy
    synchronized void close() {
        if (client != null) {
            client.close();
        }
    }
}
