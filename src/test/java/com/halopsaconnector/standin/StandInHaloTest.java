package com.halopsaconnector.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The local run's Halo answers as the connector's Save and sync expect real Halo to. */
class StandInHaloTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static StandInHalo halo;

    @BeforeAll
    static void start() {
        halo = StandInHalo.start(0, StandInCredentials.DEFAULT);
    }

    @AfterAll
    static void stop() {
        halo.close();
    }

    @Test
    void token_isIssuedForTheConfiguredClient_andRefusedForAWrongSecretOrTenant() throws Exception {
        HttpResponse<String> ok = tokenRequest("standin", "local-connector", "stand-in-secret-0123456789");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).path("expires_in").asInt()).isEqualTo(3600);

        HttpResponse<String> wrongSecret = tokenRequest("standin", "local-connector", "nope");
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(wrongSecret.body()).contains("invalid_client");
        assertThat(tokenRequest("other", "local-connector", "stand-in-secret-0123456789").statusCode()).isEqualTo(401);
    }

    @Test
    void tickets_needAnIssuedToken() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(halo.resourceUrl() + "/Tickets"))
                .header("Authorization", "Bearer made-up").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void listing_pagesOpenTickets_endingOnAShortPage_thenAnEmptyOne() throws Exception {
        JsonNode first = list("open_only=true&page_size=100&page_no=1");
        int open = first.path("record_count").asInt();
        assertThat(open).isBetween(120, StandInHalo.SAMPLE_TICKETS);
        assertThat(first.path("tickets")).hasSize(100);
        assertThat(first.path("tickets").findValuesAsText("hasbeenclosed")).containsOnly("false");

        int lastPage = (open + 99) / 100;
        assertThat(list("open_only=true&page_size=100&page_no=" + lastPage).path("tickets")).hasSize(open - (lastPage - 1) * 100);
        assertThat(list("open_only=true&page_size=100&page_no=" + (lastPage + 1)).path("tickets")).isEmpty();
    }

    @Test
    void listing_honoursClosedOnly_includeClosed_andLastUpdateFrom() throws Exception {
        int open = list("open_only=true&page_size=1").path("record_count").asInt();
        int closed = list("closed_only=true&page_size=1").path("record_count").asInt();
        assertThat(open + closed).isEqualTo(StandInHalo.SAMPLE_TICKETS);
        assertThat(list("includeclosed=true&page_size=1").path("record_count").asInt()).isEqualTo(StandInHalo.SAMPLE_TICKETS);

        String since = LocalDateTime.now(ZoneOffset.UTC).minusDays(30).truncatedTo(ChronoUnit.SECONDS).toString();
        JsonNode recent = list("closed_only=true&page_size=100&lastupdatefromdate=" + since);
        int recentClosed = recent.path("record_count").asInt();
        assertThat(recentClosed).isPositive().isLessThan(closed);
        recent.path("tickets").forEach(ticket -> assertThat(ticket.path("last_update").asText()).isGreaterThanOrEqualTo(since));
    }

    @Test
    void ticketById_answersTheTicket_or404() throws Exception {
        String token = JSON.readTree(tokenRequest("standin", "local-connector", "stand-in-secret-0123456789").body())
                .path("access_token").asText();
        HttpResponse<String> found = get("/Tickets/4242", token);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(found.body()).path("id").asInt()).isEqualTo(4242);
        assertThat(get("/Tickets/99999", token).statusCode()).isEqualTo(404);
    }

    private static JsonNode list(String query) throws Exception {
        String token = JSON.readTree(tokenRequest("standin", "local-connector", "stand-in-secret-0123456789").body())
                .path("access_token").asText();
        HttpResponse<String> response = get("/Tickets?pageinate=true&" + query, token);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(halo.resourceUrl() + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> tokenRequest(String tenant, String clientId, String secret)
            throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + secret + "&scope=all";
        return HTTP.send(HttpRequest.newBuilder(URI.create(halo.authUrl() + "/token?tenant=" + tenant))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
