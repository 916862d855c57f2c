package com.halopsaconnector.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A "Halo" on loopback that a hostile or broken host could be: each of its answers (the token, a
 * page of the ticket list, one ticket) is either a normal one, an endless 200 body that comes as fast
 * as the reader takes it, or a 200 body that never ends and comes one byte at a time. Save's probe
 * (a page of one) is always answered normally, so a save gets as far as the sync.
 */
public final class HostileHalo implements AutoCloseable {

    /** How one kind of answer behaves. */
    public enum Answer { NORMAL, ENDLESS, DRIPPING }

    private static final byte[] FILLER = new byte[64 * 1024];

    static {
        Arrays.fill(FILLER, (byte) ' ');
    }

    private final HttpServer server;
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private volatile Answer token = Answer.NORMAL;
    private volatile Answer page = Answer.NORMAL;
    private volatile Answer ticket = Answer.NORMAL;
    private volatile int tokenLifetimeSeconds = 3600;

    private HostileHalo(HttpServer server) {
        this.server = server;
        server.setExecutor(workers);
        server.createContext("/auth/token", this::token);
        server.createContext("/api/Tickets", this::tickets);
    }

    public static HostileHalo start() {
        try {
            HttpServer server = LoopbackHttpServers.create();
            HostileHalo halo = new HostileHalo(server);
            server.start();
            return halo;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Token answers from the second on behave as {@code answer}; the first (Save's check) is normal. */
    public HostileHalo laterTokens(Answer answer) {
        this.token = answer;
        return this;
    }

    /** Every token answer behaves as {@code answer}. */
    public HostileHalo tokens(Answer answer) {
        tokensIssued.set(1);
        this.token = answer;
        return this;
    }

    /** Tokens said to last this long (a token with under a minute left is not reused). */
    public HostileHalo tokenLifetime(int seconds) {
        this.tokenLifetimeSeconds = seconds;
        return this;
    }

    public HostileHalo pages(Answer answer) {
        this.page = answer;
        return this;
    }

    public HostileHalo tickets(Answer answer) {
        this.ticket = answer;
        return this;
    }

    public String authUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/auth";
    }

    public String resourceUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
    }

    /** The table partition of this instance's request budget and pause. */
    public String budgetPk() {
        return "HALO#127.0.0.1:" + server.getAddress().getPort();
    }

    private void token(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        Answer answer = tokensIssued.getAndIncrement() == 0 ? Answer.NORMAL : token;
        answer(exchange, answer, "{\"access_token\":\"hostile-token\",\"token_type\":\"Bearer\",\"expires_in\":"
                + tokenLifetimeSeconds + "}", "{\"access_token\":\"");
    }

    private void tickets(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
        if (!path.equals("/api/Tickets")) {
            String id = path.substring(path.lastIndexOf('/') + 1);
            answer(exchange, ticket, "{\"id\":" + id + ",\"summary\":\"Ticket " + id + "\",\"last_update\":\"2026-11-01T00:00:00\"}",
                    "{\"id\":" + id + ",\"summary\":\"");
            return;
        }
        boolean probe = query.contains("page_size=1&") || query.endsWith("page_size=1");
        answer(exchange, probe ? Answer.NORMAL : page, "{\"record_count\":0,\"tickets\":[]}", "{\"tickets\":[");
    }

    private void answer(HttpExchange exchange, Answer answer, String normal, String endlessStart) throws IOException {
        exchange.getResponseHeaders().putAll(Map.of("Content-Type", List.of("application/json")));
        if (answer == Answer.NORMAL) {
            byte[] body = normal.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            return;
        }
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(endlessStart.getBytes(StandardCharsets.UTF_8));
            while (!Thread.currentThread().isInterrupted()) {
                if (answer == Answer.ENDLESS) {
                    out.write(FILLER);
                } else {
                    out.write(' ');
                    out.flush();
                    Thread.sleep(200);
                }
            }
        } catch (IOException | InterruptedException readerGone) {
            // The reader stopped reading: what a bounded reader does.
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
