package com.halopsaconnector.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Forwards HTTP requests to moto strictly one at a time, as DynamoDB serialises conflicting
 * transactions. moto's TransactWriteItems is not atomic under concurrent requests: it snapshots
 * the table first and, when the transaction is cancelled, restores that snapshot, undoing whatever
 * other requests committed meanwhile. Tests that race two callers route DynamoDB through this.
 */
public final class SerialisingProxy implements AutoCloseable {

    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "transfer-encoding", "keep-alive");

    private final HttpServer server;
    private final ExecutorService oneAtATime = Executors.newSingleThreadExecutor();
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI target;

    private SerialisingProxy(URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::forward);
        server.setExecutor(oneAtATime);
        server.start();
    }

    public static SerialisingProxy to(String targetBaseUrl) {
        try {
            return new SerialisingProxy(URI.create(targetBaseUrl));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(in.readAllBytes()));
            copyHeaders(exchange.getRequestHeaders(), request::header);
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            copyHeaders(response.headers().map(), exchange.getResponseHeaders()::add);
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void copyHeaders(Map<String, List<String>> headers, HeaderSink sink) {
        headers.forEach((name, values) -> {
            if (name != null && !NOT_FORWARDED.contains(name.toLowerCase())) {
                values.forEach(value -> sink.add(name, value));
            }
        });
    }

    @Override
    public void close() {
        server.stop(0);
        oneAtATime.shutdownNow();
    }

    @FunctionalInterface
    private interface HeaderSink {
        void add(String name, String value);
    }
}
