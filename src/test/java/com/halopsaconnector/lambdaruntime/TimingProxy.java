package com.halopsaconnector.lambdaruntime;

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
 * An HTTP proxy in front of moto that times every DynamoDB call passing through it: from the moment
 * the request has arrived to the moment its answer has been sent back. Lets a benchmark split a
 * function's time into time inside DynamoDB calls and the rest.
 */
public final class TimingProxy implements AutoCloseable {

    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "transfer-encoding", "keep-alive");

    /** One call: the operation ({@code X-Amz-Target}, e.g. {@code DynamoDB_20120810.GetItem}) and when it ran. */
    public record Call(String operation, long startNanos, long endNanos) {

        public long nanos() {
            return endNanos - startNanos;
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI target;
    private final List<Call> calls = new ArrayList<>();

    private TimingProxy(URI target) throws IOException {
        this.target = target;
        this.server = LoopbackHttpServers.create();
        server.createContext("/", this::forward);
        server.setExecutor(threads);
        server.start();
    }

    public static TimingProxy to(String targetBaseUrl) {
        try {
            return new TimingProxy(URI.create(targetBaseUrl));
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

    public synchronized void forget() {
        calls.clear();
    }

    private void forward(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        String operation = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        try (exchange; InputStream in = exchange.getRequestBody()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(in.readAllBytes()));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
                if (header.getKey() != null && !NOT_FORWARDED.contains(header.getKey().toLowerCase())) {
                    header.getValue().forEach(value -> exchange.getResponseHeaders().add(header.getKey(), value));
                }
            }
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

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
