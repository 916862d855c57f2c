package com.halopsaconnector.halo;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.halopsaconnector.domain.HaloCredentials;

/**
 * Reads tickets from Halo's API: a filtered page of the ticket list, or one ticket by id. A 401 is
 * reported as {@link HaloTokenRefusedException} so the caller can get one fresh token.
 */
@ApplicationScoped
public class HaloTicketReader {

    static final String TARGET = "the Resource URL";
    /** Halo's list filters take UTC date-times without a zone. */
    private static final DateTimeFormatter FILTER_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    @Inject
    HaloApiClients clients;

    @Inject
    HaloCallExecutor executor;

    @Inject
    HaloTicketJson tickets;

    @Inject
    ObjectMapper json;

    public HaloTicketPage page(HaloCredentials credentials, HaloAccessToken token, TicketQuery query, int pageNo,
                               int pageSize, Duration maxWait) {
        String from = query.lastUpdateFrom() == null ? null : FILTER_TIME.format(query.lastUpdateFrom());
        try (HaloTicketsApi api = clients.tickets(credentials.resourceUrl(), maxWait);
             Response response = executor.execute(credentials.instance(), resourceBase(credentials), () -> api.search(
                     token.authorizationHeader(), true, pageSize, pageNo, query.openOnly(), query.closedOnly(),
                     query.includeClosed(), from))) {
            requireSuccess(response);
            JsonNode rows = readJson(response).path("tickets");
            if (!rows.isArray()) {
                throw new HaloUnreachableException("Halo answered the ticket list without tickets; check the Resource URL");
            }
            List<HaloTicket> page = new ArrayList<>();
            rows.forEach(row -> toTicket(row).ifPresent(page::add));
            return new HaloTicketPage(page, rows.size());
        }
    }

    /** @return the ticket, or empty when Halo has no such ticket (404) */
    public Optional<HaloTicket> one(HaloCredentials credentials, HaloAccessToken token, String ticketId, Duration maxWait) {
        try (HaloTicketsApi api = clients.tickets(credentials.resourceUrl(), maxWait);
             Response response = executor.execute(credentials.instance(), resourceBase(credentials),
                     () -> api.one(token.authorizationHeader(), ticketId))) {
            if (response.getStatus() == 404) {
                return Optional.empty();
            }
            requireSuccess(response);
            return toTicket(readJson(response));
        }
    }

    private static URI resourceBase(HaloCredentials credentials) {
        return HaloApiClients.baseUri(credentials.resourceUrl());
    }

    private Optional<HaloTicket> toTicket(JsonNode row) {
        if (!row.isObject()) {
            return Optional.empty();
        }
        return HaloTicketJson.id(row).map(id -> new HaloTicket(id, tickets.snapshot(row)));
    }

    private static void requireSuccess(Response response) {
        int status = response.getStatus();
        if (status == 401) {
            throw new HaloTokenRefusedException();
        }
        if (status == 403) {
            throw new HaloPermissionDeniedException(
                    "The Halo API application's agent may not read tickets; give it the 'read:tickets' permission");
        }
        if (status < 200 || status >= 300) {
            throw HaloStatus.unexpected(TARGET, status);
        }
    }

    private JsonNode readJson(Response response) {
        try {
            String text = response.readEntity(String.class);
            JsonNode body = text == null ? null : json.readTree(text);
            if (body == null || body.isMissingNode()) {
                throw new HaloUnreachableException("Halo answered " + TARGET + " with an empty body");
            }
            return body;
        } catch (HaloUnreachableException e) {
            throw e;
        } catch (Exception notJson) {
            throw new HaloUnreachableException("Halo answered " + TARGET + " with something that is not JSON");
        }
    }
}
