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
import java.util.function.BiConsumer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A HaloPSA instance on loopback for local runs and browser tests: {@code POST /auth/token}
 * (client credentials, {@code ?tenant=}), {@code GET /api/Tickets} and {@code GET /api/Tickets/{id}}
 * over a few hundred sample tickets, or over a {@link TicketDesk} a test changes while it is read.
 * Ticket calls need a token it issued; anything else is 404.
 * JDK only, so {@code infra/local/run.sh} can start it with plain {@code javac}/{@code java}.
 */
public final class StandInHalo implements AutoCloseable {

    public static final int SAMPLE_TICKETS = 300;
    static final String TICKETS_PATH = "/api/Tickets";

    private final HttpServer server;
    private final ExecutorService workers;
    private final StandInCredentials credentials;
    private final TicketDesk desk;
    private final Set<String> issuedTokens = ConcurrentHashMap.newKeySet();
    private final SecureRandom random = new SecureRandom();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile int maxPageSize = TicketListing.MAX_PAGE_SIZE;
    private volatile BiConsumer<String, TicketDesk> afterListing = (query, tickets) -> { };

    private StandInHalo(HttpServer server, StandInCredentials credentials, TicketDesk desk) {
        this.server = server;
        this.credentials = credentials;
        this.desk = desk;
        this.workers = Executors.newFixedThreadPool(4);
        server.setExecutor(workers);
        server.createContext("/auth/token", this::token);
        server.createContext(TICKETS_PATH, this::tickets);
        server.createContext("/", exchange -> send(exchange, 404, "{\"error\":\"not found\"}"));
    }

    /** Listens on 127.0.0.1 with the sample tickets; port 0 picks a free one. */
    public static StandInHalo start(int port, StandInCredentials credentials) {
        return start(port, credentials, new TicketDesk(SampleTickets.generate(SAMPLE_TICKETS, LocalDateTime.now(ZoneOffset.UTC))));
    }

    /** Listens on a free port of 127.0.0.1, serving {@code desk}, which the caller may change meanwhile. */
    public static StandInHalo start(StandInCredentials credentials, TicketDesk desk) {
        return start(0, credentials, desk);
    }

    private static StandInHalo start(int port, StandInCredentials credentials, TicketDesk desk) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            StandInHalo halo = new StandInHalo(server, credentials, desk);
            server.start();
            return halo;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TicketDesk desk() {
        return desk;
    }

    /** Pages hold at most {@code size} tickets whatever {@code page_size} asks, as a Halo that caps pages does. */
    public StandInHalo capPagesAt(int size) {
        maxPageSize = size;
        return this;
    }

    /**
     * Runs {@code change} after each ticket listing is made and before it is sent, with the listing's
     * raw query: how a test makes the desk change between two page requests.
     */
    public StandInHalo afterEachListing(BiConsumer<String, TicketDesk> change) {
        afterListing = change;
        return this;
    }

    /** Every request so far, as method, path and raw query. */
    public List<String> requests() {
        return List.copyOf(requests);
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
        note(exchange);
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
        note(exchange);
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
            String rawQuery = exchange.getRequestURI().getRawQuery();
            String answer = TicketListing.answer(desk.all(), QueryString.parse(rawQuery), maxPageSize);
            // The desk changes before the reader has the page, so its next request meets the change.
            afterListing.accept(rawQuery == null ? "" : rawQuery, desk);
            send(exchange, 200, answer);
            return;
        }
        ticketById(exchange, rest.substring(1));
    }

    private void ticketById(HttpExchange exchange, String id) throws IOException {
        desk.all().stream().filter(ticket -> Integer.toString(ticket.id()).equals(id)).findFirst().ifPresentOrElse(
                ticket -> sendQuietly(exchange, 200, ticket.toJson()),
                () -> sendQuietly(exchange, 404, "{\"error\":\"ticket not found\"}"));
    }

    private void note(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + (query == null ? "" : "?" + query));
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
