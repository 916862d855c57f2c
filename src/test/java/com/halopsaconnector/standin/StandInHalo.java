package com.halopsaconnector.standin;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A HaloPSA instance on loopback for local runs and browser tests: {@code POST /auth/token}
 * (client credentials, {@code ?tenant=}), {@code GET /api/Tickets} and {@code GET /api/Tickets/{id}}
 * over a few hundred sample tickets. Ticket calls need a token it issued; anything else is 404.
 * JDK only, so {@code infra/local/run.sh} can start it with plain {@code javac}/{@code java}.
 */
public final class StandInHalo implements AutoCloseable {

    public static final int SAMPLE_TICKETS = 300;
    static final String TICKETS_PATH = "/api/Tickets";

    private final HttpServer server;
    private final ExecutorService workers;
    private final StandInCredentials credentials;
    private final List<SampleTicket> tickets;
    private final Set<String> issuedTokens = ConcurrentHashMap.newKeySet();
    private final SecureRandom random = new SecureRandom();

    private StandInHalo(HttpServer server, StandInCredentials credentials, List<SampleTicket> tickets) {
        this.server = server;
        this.credentials = credentials;
        this.tickets = tickets;
        this.workers = Executors.newFixedThreadPool(4);
        server.setExecutor(workers);
        server.createContext("/auth/token", this::token);
        server.createContext(TICKETS_PATH, this::tickets);
        server.createContext("/", exchange -> send(exchange, 404, "{\"error\":\"not found\"}"));
    }

    /** Listens on 127.0.0.1; port 0 picks a free one. */
    public static StandInHalo start(int port, StandInCredentials credentials) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            StandInHalo halo = new StandInHalo(server, credentials,
                    SampleTickets.generate(SAMPLE_TICKETS, LocalDateTime.now(ZoneOffset.UTC)));
            server.start();
            return halo;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String authUrl() {
        return "http://127.0.0.1:" + port() + "/auth";
    }

    public String resourceUrl() {
        return "http://127.0.0.1:" + port() + "/api";
    }

    public StandInCredentials credentials() {
        return credentials;
    }

    private void token(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            send(exchange, 405, "{\"error\":\"method not allowed\"}");
            return;
        }
        QueryString query = QueryString.parse(exchange.getRequestURI().getRawQuery());
        QueryString form = QueryString.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        boolean accepted = "client_credentials".equals(form.get("grant_type").orElse(""))
                && credentials.accepts(query.get("tenant").orElse(null), form.get("client_id").orElse(null),
                        form.get("client_secret").orElse(null));
        if (!accepted) {
            send(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        issuedTokens.add(token);
        send(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"all\"}");
    }

    private void tickets(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || !issuedTokens.contains(auth.substring("Bearer ".length()))) {
            send(exchange, 401, "{\"error\":\"invalid_token\"}");
            return;
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            send(exchange, 405, "{\"error\":\"method not allowed\"}");
            return;
        }
        String rest = exchange.getRequestURI().getPath().substring(TICKETS_PATH.length());
        if (rest.isEmpty() || rest.equals("/")) {
            send(exchange, 200, TicketListing.answer(tickets, QueryString.parse(exchange.getRequestURI().getRawQuery())));
            return;
        }
        ticketById(exchange, rest.substring(1));
    }

    private void ticketById(HttpExchange exchange, String id) throws IOException {
        tickets.stream().filter(ticket -> Integer.toString(ticket.id()).equals(id)).findFirst().ifPresentOrElse(
                ticket -> sendQuietly(exchange, 200, ticket.toJson()),
                () -> sendQuietly(exchange, 404, "{\"error\":\"ticket not found\"}"));
    }

    private static void sendQuietly(HttpExchange exchange, int status, String json) {
        try {
            send(exchange, status, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().putAll(Map.of("Content-Type", List.of("application/json")));
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
