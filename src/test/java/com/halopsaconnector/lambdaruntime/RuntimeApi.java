package com.halopsaconnector.lambdaruntime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.halopsaconnector.testsupport.LoopbackHttpServers;
import com.sun.net.httpserver.HttpServer;

/**
 * Lambda's Runtime API (version 2018-06-01) on a loopback port, as the Lambda service serves it to a
 * function's runtime: the runtime polls {@code invocation/next}, gets one event at a time, and posts
 * its answer or error back. {@link #enqueue} hands out events in order; the returned future completes
 * when the runtime has answered that event.
 */
public final class RuntimeApi implements AutoCloseable {

    static final String BASE = "/2018-06-01/runtime";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "runtime-api");
        thread.setDaemon(true);
        return thread;
    });
    private final BlockingQueue<PendingInvocation> queue = new LinkedBlockingQueue<>();
    private final Map<String, PendingInvocation> handedOut = new ConcurrentHashMap<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();
    private volatile boolean closed;

    private RuntimeApi(HttpServer server) {
        this.server = server;
    }

    public static RuntimeApi start() {
        try {
            HttpServer server = LoopbackHttpServers.create();
            RuntimeApi api = new RuntimeApi(server);
            server.setExecutor(api.threads);
            server.createContext(BASE + "/invocation/", api::invocation);
            server.createContext(BASE + "/init/error", api::initError);
            server.start();
            return api;
        } catch (IOException e) {
            throw new IllegalStateException("Could not serve the Runtime API on loopback", e);
        }
    }

    /** The value of {@code AWS_LAMBDA_RUNTIME_API}: host and port, no scheme. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues one event; the future completes with the runtime's answer (or error document). */
    public CompletableFuture<InvocationResult> enqueue(String event, Duration deadline) {
        PendingInvocation invocation = new PendingInvocation(UUID.randomUUID().toString(), event,
                System.currentTimeMillis() + deadline.toMillis());
        queue.add(invocation);
        return invocation.result;
    }

    /** Completed with the error document if the runtime reported that it could not initialise. */
    public CompletableFuture<String> initError() {
        return initError;
    }

    private void invocation(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals(BASE + "/invocation/next") && exchange.getRequestMethod().equals("GET")) {
                handOutNext(exchange);
                return;
            }
            String[] parts = path.substring((BASE + "/invocation/").length()).split("/");
            PendingInvocation invocation = parts.length == 2 ? handedOut.remove(parts[0]) : null;
            if (invocation == null || !exchange.getRequestMethod().equals("POST")) {
                answer(exchange, 404, "{\"errorMessage\":\"unknown invocation\"}");
                return;
            }
            String body = read(exchange.getRequestBody());
            long now = System.nanoTime();
            answer(exchange, 202, "{\"status\":\"OK\"}");
            invocation.result.complete(new InvocationResult(parts[1].equals("error"), body,
                    exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"), invocation.handedOutNanos, now));
        }
    }

    private void handOutNext(HttpExchange exchange) throws IOException {
        PendingInvocation invocation = null;
        try {
            while (invocation == null && !closed) {
                invocation = queue.poll(200, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (invocation == null) {
            answer(exchange, 500, "{\"errorMessage\":\"runtime API closed\"}");
            return;
        }
        handedOut.put(invocation.requestId, invocation);
        exchange.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", invocation.requestId);
        exchange.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadlineEpochMillis));
        exchange.getResponseHeaders().set("Lambda-Runtime-Invoked-Function-Arn",
                "arn:aws:lambda:us-east-1:000000000000:function:halopsa-connector-loopback");
        exchange.getResponseHeaders().set("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        invocation.handedOutNanos = System.nanoTime();
        answer(exchange, 200, invocation.event);
    }

    private void initError(HttpExchange exchange) throws IOException {
        try (exchange) {
            initError.complete(read(exchange.getRequestBody()));
            answer(exchange, 202, "{\"status\":\"OK\"}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        threads.shutdownNow();
    }

    private static final class PendingInvocation {
        final String requestId;
        final String event;
        final long deadlineEpochMillis;
        final CompletableFuture<InvocationResult> result = new CompletableFuture<>();
        volatile long handedOutNanos;

        PendingInvocation(String requestId, String event, long deadlineEpochMillis) {
            this.requestId = requestId;
            this.event = event;
            this.deadlineEpochMillis = deadlineEpochMillis;
        }
    }
}
