package com.halopsaconnector.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
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
 *
 * <p>It also notes every call's operation and how long it took, from the moment the request had
 * arrived to the moment its answer was sent back, so a benchmark can split a function's time into
 * time inside DynamoDB calls and the rest.
 */
public final class SerialisingProxy implements AutoCloseable {

    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "transfer-encoding", "keep-alive");

    private final HttpServer server;
    private final ExecutorService oneAtATime = Executors.newSingleThreadExecutor();
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI target;
    private final List<Call> calls = new ArrayList<>();

    /** One call: the operation ({@code X-Amz-Target}, e.g. {@code DynamoDB_20120810.GetItem}) and when it ran. */
    public record Call(String operation, long startNanos, long endNanos) {

        public long nanos() {
            return endNanos - startNanos;
        }
    }

    private SerialisingProxy(URI target) throws IOException {
        this.target = target;
        this.server = LoopbackHttpServers.create();
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

    /**
     * The calls that started within [{@code fromNanos}, {@code toNanos}], each cut off at {@code toNanos}: the
     * caller may have its answer before this proxy's thread notes the end.
     */
    public synchronized List<Call> callsBetween(long fromNanos, long toNanos) {
        return calls.stream().filter(call -> call.startNanos >= fromNanos && call.startNanos <= toNanos)
                .map(call -> new Call(call.operation, call.startNanos, Math.min(call.endNanos, toNanos))).toList();
    }

    private void forward(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        String operation = exchange.getRequestHeaders().getFirst("X-Amz-Target");
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
        } finally {
            long end = System.nanoTime();
            synchronized (this) {
                calls.add(new Call(operation == null ? exchange.getRequestMethod() + " " + exchange.getRequestURI() : operation, start, end));
            }
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
