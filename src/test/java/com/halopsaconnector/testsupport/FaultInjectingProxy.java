package com.halopsaconnector.testsupport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP/1.1 proxy on loopback, in front of the DynamoDB endpoint, that makes a share of the calls
 * fail the ways DynamoDB calls fail: HTTP 500 ({@code InternalServerError}), HTTP 400 with a
 * throttling error ({@code ProvisionedThroughputExceededException} or {@code ThrottlingException}),
 * and a TCP reset, either before the call reaches the store or after the store did it (the answer is
 * lost, so the caller cannot know that its write happened). The four kinds are equally likely.
 *
 * <p>Written on plain sockets because a reset needs the socket (SO_LINGER 0, then close), which
 * {@code com.sun.net.httpserver} does not hand out. It reads requests with a Content-Length or a
 * chunked body, keeps connections alive, and forwards with {@link HttpClient}.
 *
 * <p>Tests steer it over HTTP on the same port, so it works whatever class loader the test and the
 * Quarkus test resource that started it run in:
 * <ul>
 * <li>{@code POST /__faults/enable?rate=0.02&seed=1}: from now on each call fails with that chance
 *     (counters and the fault log start anew);</li>
 * <li>{@code POST /__faults/disable}: every call is forwarded again;</li>
 * <li>{@code GET /__faults/stats}: {@code name=value} lines (calls, forwarded, forwardMillis: time spent
 *     waiting for the store, faults by kind, calls by operation);</li>
 * <li>{@code GET /__faults/log}: one line per injected fault: {@code nanoTime,operation,kind}, where
 *     nanoTime is {@link System#nanoTime()} of this JVM when the fault was injected.</li>
 * </ul>
 */
public final class FaultInjectingProxy implements AutoCloseable {

    public enum Fault {
        HTTP_500, THROTTLING, RESET_BEFORE, RESET_AFTER
    }

    public static final String CONTROL_PREFIX = "/__faults/";
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection");
    private static final String TARGET_HEADER = "x-amz-target";

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fault-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI target;

    private final Object lock = new Object();
    private double rate;
    private Random random = new Random(0);
    private long throttlingAnswers;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong forwardNanos = new AtomicLong();
    private final Map<Fault, AtomicLong> faults = new EnumMap<>(Fault.class);
    private final Map<String, AtomicLong> callsByOperation = new TreeMap<>();
    private final List<String> faultLog = new ArrayList<>();

    private FaultInjectingProxy(URI target) throws IOException {
        this.target = target;
        for (Fault fault : Fault.values()) {
            faults.put(fault, new AtomicLong());
        }
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "fault-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a proxy to {@code targetBaseUrl}; it forwards every call until faults are enabled. */
    public static FaultInjectingProxy to(String targetBaseUrl) {
        try {
            return new FaultInjectingProxy(URI.create(targetBaseUrl));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        connections.shutdownNow();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.execute(() -> serve(socket));
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    /** One connection: requests one after another until the caller closes it or a reset is injected. */
    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                Request request = Request.read(in, out);
                if (request == null) {
                    return;
                }
                if (request.path.startsWith(CONTROL_PREFIX)) {
                    control(request, out);
                    continue;
                }
                if (!proxy(request, socket, out)) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the caller went away, or the store did; the caller sees a broken connection either way
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return false when the connection was reset */
    private boolean proxy(Request request, Socket socket, OutputStream out) throws IOException, InterruptedException {
        String operation = operationOf(request);
        calls.incrementAndGet();
        synchronized (lock) {
            callsByOperation.computeIfAbsent(operation, o -> new AtomicLong()).incrementAndGet();
        }
        Fault fault = draw();
        if (fault == Fault.RESET_BEFORE) {
            record(operation, fault);
            reset(socket);
            return false;
        }
        if (fault == Fault.HTTP_500) {
            record(operation, fault);
            write(out, 500, "Internal Server Error", amzJson(),
                    "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\",\"message\":\"Internal server error (injected)\"}");
            return true;
        }
        if (fault == Fault.THROTTLING) {
            record(operation, fault);
            write(out, 400, "Bad Request", amzJson(), throttlingBody());
            return true;
        }
        long start = System.nanoTime();
        HttpResponse<byte[]> answer = forward(request);
        forwardNanos.addAndGet(System.nanoTime() - start);
        forwarded.incrementAndGet();
        if (fault == Fault.RESET_AFTER) {
            record(operation, fault);
            reset(socket);
            return false;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        answer.headers().map().forEach((name, values) -> {
            if (name != null && !name.startsWith(":") && !NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, values);
            }
        });
        write(out, answer.statusCode(), "Proxied", headers, answer.body());
        return true;
    }

    private HttpResponse<byte[]> forward(Request request) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target.resolve(request.path))
                .timeout(Duration.ofSeconds(60))
                .method(request.method, HttpRequest.BodyPublishers.ofByteArray(request.body));
        request.headers.forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private Fault draw() {
        synchronized (lock) {
            if (rate <= 0 || random.nextDouble() >= rate) {
                return null;
            }
            return Fault.values()[random.nextInt(Fault.values().length)];
        }
    }

    private void record(String operation, Fault fault) {
        long at = System.nanoTime();
        faults.get(fault).incrementAndGet();
        synchronized (lock) {
            faultLog.add(at + "," + operation + "," + fault);
        }
    }

    private String throttlingBody() {
        long n;
        synchronized (lock) {
            n = throttlingAnswers++;
        }
        return n % 2 == 0
                ? "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\","
                        + "\"message\":\"The level of configured provisioned throughput for the table was exceeded (injected)\"}"
                : "{\"__type\":\"com.amazon.coral.availability#ThrottlingException\","
                        + "\"message\":\"Rate of requests exceeds the allowed throughput (injected)\"}";
    }

    private static void reset(Socket socket) throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    private static String operationOf(Request request) {
        List<String> target = request.headers.get(TARGET_HEADER);
        if (target == null || target.isEmpty()) {
            return "unknown";
        }
        String value = target.get(0);
        return value.substring(value.indexOf('.') + 1);
    }

    private void control(Request request, OutputStream out) throws IOException {
        String path = request.path;
        String query = path.contains("?") ? path.substring(path.indexOf('?') + 1) : "";
        String action = (path.contains("?") ? path.substring(0, path.indexOf('?')) : path).substring(CONTROL_PREFIX.length());
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        String body;
        switch (action) {
            case "enable" -> {
                synchronized (lock) {
                    rate = Double.parseDouble(params.getOrDefault("rate", "0.02"));
                    random = new Random(Long.parseLong(params.getOrDefault("seed", "1")));
                    calls.set(0);
                    forwarded.set(0);
                    forwardNanos.set(0);
                    faults.values().forEach(counter -> counter.set(0));
                    callsByOperation.clear();
                    faultLog.clear();
                    throttlingAnswers = 0;
                }
                body = "enabled rate=" + rate + "\n";
            }
            case "disable" -> {
                synchronized (lock) {
                    rate = 0;
                }
                body = "disabled\n";
            }
            case "stats" -> body = stats();
            case "log" -> {
                synchronized (lock) {
                    body = String.join("\n", faultLog) + (faultLog.isEmpty() ? "" : "\n");
                }
            }
            default -> {
                write(out, 404, "Not Found", Map.of("Content-Type", List.of("text/plain")), "unknown control action\n");
                return;
            }
        }
        write(out, 200, "OK", Map.of("Content-Type", List.of("text/plain")), body);
    }

    private String stats() {
        StringBuilder text = new StringBuilder();
        synchronized (lock) {
            text.append("rate=").append(rate).append('\n');
            text.append("calls=").append(calls.get()).append('\n');
            text.append("forwarded=").append(forwarded.get()).append('\n');
            text.append("forwardMillis=").append(forwardNanos.get() / 1_000_000).append('\n');
            faults.forEach((fault, count) -> text.append("fault.").append(fault).append('=').append(count.get()).append('\n'));
            callsByOperation.forEach((operation, count) -> text.append("calls.").append(operation).append('=')
                    .append(count.get()).append('\n'));
        }
        return text.toString();
    }

    private static Map<String, List<String>> amzJson() {
        return Map.of("Content-Type", List.of("application/x-amz-json-1.0"),
                "x-amzn-RequestId", List.of("injected-" + System.nanoTime()));
    }

    private static void write(OutputStream out, int status, String reason, Map<String, List<String>> headers, String body)
            throws IOException {
        write(out, status, reason, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(OutputStream out, int status, String reason, Map<String, List<String>> headers, byte[] body)
            throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n");
        headers.forEach((name, values) -> values.forEach(value -> head.append(name).append(": ").append(value).append("\r\n")));
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    /** One HTTP/1.1 request as read off the socket; header names in lower case. */
    private record Request(String method, String path, Map<String, List<String>> headers, byte[] body) {

        /** @return null at the end of the stream (the caller closed an idle connection) */
        static Request read(InputStream in, OutputStream out) throws IOException {
            String requestLine = line(in);
            while (requestLine != null && requestLine.isEmpty()) {
                requestLine = line(in);
            }
            if (requestLine == null) {
                return null;
            }
            String[] parts = requestLine.split(" ");
            if (parts.length < 3) {
                throw new IOException("malformed request line");
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), h -> new ArrayList<>())
                            .add(header.substring(colon + 1).trim());
                }
            }
            if (headers.getOrDefault("expect", List.of()).stream().anyMatch(v -> v.equalsIgnoreCase("100-continue"))) {
                out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
            byte[] body;
            if (headers.getOrDefault("transfer-encoding", List.of()).stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))) {
                body = chunked(in);
            } else {
                int length = Integer.parseInt(headers.getOrDefault("content-length", List.of("0")).get(0));
                body = in.readNBytes(length);
                if (body.length < length) {
                    throw new IOException("body ended early");
                }
            }
            return new Request(parts[0], parts[1], headers, body);
        }

        private static byte[] chunked(InputStream in) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = line(in);
                if (sizeLine == null) {
                    throw new IOException("chunked body ended early");
                }
                int semicolon = sizeLine.indexOf(';');
                int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
                if (size == 0) {
                    for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                        // trailers are dropped
                    }
                    return body.toByteArray();
                }
                body.write(in.readNBytes(size));
                line(in);
            }
        }

        /** A CRLF-terminated line without its terminator; null at the end of the stream. */
        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            try {
                b = in.read();
            } catch (SocketException closed) {
                return null;
            }
            if (b < 0) {
                return null;
            }
            while (b >= 0 && b != '\n') {
                if (b != '\r') {
                    line.write(b);
                }
                b = in.read();
            }
            return line.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
