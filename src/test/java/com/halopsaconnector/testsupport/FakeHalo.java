package com.halopsaconnector.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * A Halo instance of a test's own, on its own loopback port (so its request budget, pauses and
 * stubs concern that test alone): the token endpoint, the paged ticket list with Halo's filters,
 * and tickets by id. Close it at the end of the test.
 */
public final class FakeHalo implements AutoCloseable {

    /** What the sync asks for by default (connector.sync.page-size). */
    public static final int PAGE_SIZE = 100;
    public static final String TICKETS = "/api/Tickets";
    private static final Pattern ID = Pattern.compile("\\{\"id\":(\\d+)");

    private final WireMockServer server;
    /** Kept: a stopped server no longer tells its port, and tests clean up after stopping it. */
    private final int port;
    private final int pageSize;
    private final List<String> hooks = new ArrayList<>();
    private boolean countsRecords = true;

    private FakeHalo(WireMockServer server, int pageSize) {
        this.server = server;
        this.port = server.port();
        this.pageSize = pageSize;
    }

    /** Started with a token endpoint that accepts any client and a probe answer for Save's check. */
    public static FakeHalo start() {
        return start(PAGE_SIZE);
    }

    /** Serving pages of {@code pageSize}, which must match the connector's {@code connector.sync.page-size}. */
    public static FakeHalo start(int pageSize) {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .extensions(AnswerHooks.extension()));
        server.start();
        FakeHalo halo = new FakeHalo(server, pageSize);
        server.stubFor(post(urlPathEqualTo("/auth/token")).willReturn(HaloStubs.json(200,
                "{\"access_token\":\"fake-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        server.stubFor(probe().willReturn(probeAnswer()));
        halo.openTickets(0, "2026-01-01T00:00:00");
        halo.closedTickets(List.of());
        halo.changedTickets(List.of());
        return halo;
    }

    public String authUrl() {
        return server.baseUrl() + "/auth";
    }

    public String resourceUrl() {
        return server.baseUrl() + "/api";
    }

    /** The instance key the connector counts this Halo's requests under. */
    public String instance() {
        return "localhost:" + port;
    }

    /** The table partition of this instance's request budget and pause. */
    public String budgetPk() {
        return "HALO#" + instance();
    }

    public WireMockServer server() {
        return server;
    }

    /** Save's probe of the ticket list (one row) is answered only when {@code hold} lets it. */
    public FakeHalo probeHeldBy(Hold hold) {
        server.stubFor(probe().atPriority(1).willReturn(hold.on(probeAnswer())));
        return this;
    }

    /** Listings set up after this leave out {@code record_count}, as some Halo versions do. */
    public FakeHalo withoutRecordCount() {
        countsRecords = false;
        return this;
    }

    /** Open tickets with ids 1..count, in pages of this Halo's page size. */
    public FakeHalo openTickets(int count, String lastUpdate) {
        List<String> all = new ArrayList<>();
        for (int id = 1; id <= count; id++) {
            all.add(ticket(id, lastUpdate, "Ticket " + id));
        }
        return pages("open_only", all, Map.of());
    }

    /**
     * Like {@link #openTickets}, with page {@code slowPage} taking {@code took} to answer as the
     * application's clock sees it ({@link TestClock} moves on by that much; the answer is immediate).
     * The test resets the clock when it ends.
     */
    public FakeHalo openTicketsWithSlowPage(int count, String lastUpdate, int slowPage, Duration took) {
        List<String> all = new ArrayList<>();
        for (int id = 1; id <= count; id++) {
            all.add(ticket(id, lastUpdate, "Ticket " + id));
        }
        return pages("open_only", all, Map.of(slowPage, took));
    }

    /** What the first sync's closed-tickets pass gets (one page). */
    public FakeHalo closedTickets(List<String> tickets) {
        return pages("closed_only", tickets, Map.of());
    }

    /** What an incremental sync gets (one page). */
    public FakeHalo changedTickets(List<String> tickets) {
        return pages("includeclosed", tickets, Map.of());
    }

    public FakeHalo ticketById(int id, String ticketJson) {
        server.stubFor(get(urlPathEqualTo(TICKETS + "/" + id)).willReturn(HaloStubs.json(200, ticketJson)));
        return this;
    }

    public FakeHalo ticketGone(int id) {
        server.stubFor(get(urlPathEqualTo(TICKETS + "/" + id)).willReturn(aResponse().withStatus(404)));
        return this;
    }

    /** Every ticket-list request answers {@code response} from now on (highest priority). */
    public FakeHalo listingAnswers(ResponseDefinitionBuilder response) {
        server.stubFor(get(urlPathEqualTo(TICKETS)).atPriority(1).willReturn(response));
        return this;
    }

    public List<LoggedRequest> listingRequests() {
        return server.findAll(getRequestedFor(urlPathEqualTo(TICKETS)).withQueryParam("page_size", equalTo(
                Integer.toString(pageSize))));
    }

    public List<LoggedRequest> tokenRequests() {
        return server.findAll(postRequestedFor(urlPathEqualTo("/auth/token")));
    }

    public int requestCount() {
        return server.getAllServeEvents().size();
    }

    public void forgetRequests() {
        server.resetRequests();
    }

    public static String ticket(int id, String lastUpdate, String summary) {
        return """
                {"id":%d,"summary":"%s","status_id":2,"agent_id":3,"client_id":1,"client_name":"Contoso",\
                "team":"Service Desk","priority_id":3,"tickettype_id":1,"dateoccurred":"2026-11-01T08:00:00",\
                "lastactiondate":"%s","last_update":"%s"}""".formatted(id, summary, lastUpdate, lastUpdate);
    }

    public static String page(List<String> tickets, int recordCount) {
        return "{\"record_count\":" + recordCount + ",\"tickets\":[" + String.join(",", tickets) + "]}";
    }

    private String listingPage(List<String> tickets, int recordCount) {
        return countsRecords ? page(tickets, recordCount) : "{\"tickets\":[" + String.join(",", tickets) + "]}";
    }

    private static MappingBuilder probe() {
        return get(urlPathEqualTo(TICKETS)).withQueryParam("page_size", equalTo("1"));
    }

    private static ResponseDefinitionBuilder probeAnswer() {
        return HaloStubs.json(200, page(List.of(ticket(1, "2026-11-01T00:00:00", "probe")), 1));
    }

    private MappingBuilder listing(String filter, String value) {
        return get(urlPathEqualTo(TICKETS)).withQueryParam("page_size", equalTo(Integer.toString(pageSize)))
                .withQueryParam(filter, equalTo(value));
    }

    /**
     * The listing of tickets matching {@code filter}=true: page n of {@code all} (see below), and the
     * same tickets' ids for a {@code ticketidonly} request, which Halo does not page.
     */
    private FakeHalo pages(String filter, List<String> all, Map<Integer, Duration> took) {
        Supplier<MappingBuilder> listing = () -> listing(filter, "true");
        server.stubFor(get(urlPathEqualTo(TICKETS)).withQueryParam("ticketidonly", equalTo("true"))
                .withQueryParam(filter, equalTo("true")).willReturn(HaloStubs.json(200, listingPage(idsOf(all), all.size()))));
        return pagesOf(listing, all, took);
    }

    /** The id fields of each ticket, as {@code ticketidonly=true} answers them. */
    private static List<String> idsOf(List<String> tickets) {
        return tickets.stream().map(ticket -> {
            Matcher id = ID.matcher(ticket);
            if (!id.find()) {
                throw new IllegalArgumentException("a ticket without an id: " + ticket);
            }
            return "{\"id\":" + id.group(1) + ",\"status_id\":2,\"client_id\":1}";
        }).toList();
    }

    /** Page n of {@code all}; any page past the end answers with the last page again, as some Halo versions do. */
    private FakeHalo pagesOf(Supplier<MappingBuilder> listing, List<String> all, Map<Integer, Duration> took) {
        int pageCount = Math.max(1, (all.size() + pageSize - 1) / pageSize);
        Map<Integer, List<String>> pages = new LinkedHashMap<>();
        for (int page = 1; page <= pageCount; page++) {
            pages.put(page, all.subList((page - 1) * pageSize, Math.min(all.size(), page * pageSize)));
        }
        server.stubFor(listing.get().withQueryParam("page_no", matching("\\d+")).atPriority(9)
                .willReturn(HaloStubs.json(200, listingPage(pages.get(pageCount), all.size()))));
        pages.forEach((number, tickets) -> server.stubFor(listing.get().withQueryParam("page_no", equalTo(number.toString()))
                .atPriority(5).willReturn(answerTaking(HaloStubs.json(200, listingPage(tickets, all.size())), took.get(number)))));
        return this;
    }

    private ResponseDefinitionBuilder answerTaking(ResponseDefinitionBuilder answer, Duration took) {
        if (took == null) {
            return answer;
        }
        String hook = "fake-halo-" + UUID.randomUUID();
        hooks.add(hook);
        AnswerHooks.register(hook, () -> TestClock.advance(took));
        return AnswerHooks.hooked(answer, hook);
    }

    @Override
    public void close() {
        server.stop();
        hooks.forEach(AnswerHooks::unregister);
    }
}
