package com.halopsaconnector.halo;

import java.io.IOException;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.halopsaconnector.domain.Deadline;
import com.halopsaconnector.domain.HaloCredentials;

/**
 * Reads tickets from Halo's API: a page of the ticket list in a stable order (by id), the ids of
 * every ticket matching a filter, tickets by a list of ids, or one ticket by id. Answers are read as
 * they arrive, row by row, never more than {@link HaloAnswer} allows. A 401 is reported as
 * {@link HaloTokenRefusedException} so the caller can get one fresh token.
 */
@ApplicationScoped
public class HaloTicketReader {

    static final String TARGET = "the Resource URL";
    /** Pages are read in the order of the ticket id, which no change to a ticket moves. */
    static final String STABLE_ORDER = "id";
    /** More ids than any service desk holds in a sync's scope; a longer list is not an answer Halo gives. */
    static final int MAX_LISTED_IDS = 200_000;
    /** Halo's filters take UTC date-times without a zone. */
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
                               int pageSize, Deadline deadline) {
        try (HaloTicketsApi api = clients.tickets(credentials.resourceUrl(), deadline.remaining());
             Response response = executor.execute(credentials.instance(), resourceBase(credentials), () -> api.search(
                     token.authorizationHeader(), true, pageSize, pageNo, query.openOnly(), query.closedOnly(),
                     query.includeClosed(), from(query), STABLE_ORDER, false, null, null))) {
            requireSuccess(response);
            List<HaloTicket> page = new ArrayList<>();
            Rows rows = readRows(response, HaloAnswer.TICKET_PAGE, pageSize, row -> toTicket(row).ifPresent(page::add));
            return new HaloTicketPage(page, rows.count(), rows.recordCount());
        }
    }

    /** Every ticket id matching {@code query}, in one request: Halo does not page {@code ticketidonly}. */
    public TicketIdListing ids(HaloCredentials credentials, HaloAccessToken token, TicketQuery query, Deadline deadline) {
        try (HaloTicketsApi api = clients.tickets(credentials.resourceUrl(), deadline.remaining());
             Response response = executor.execute(credentials.instance(), resourceBase(credentials), () -> api.search(
                     token.authorizationHeader(), null, null, null, query.openOnly(), query.closedOnly(),
                     query.includeClosed(), from(query), null, null, true, null))) {
            requireSuccess(response);
            Set<String> ids = new LinkedHashSet<>();
            Rows rows = readRows(response, HaloAnswer.TICKET_IDS, MAX_LISTED_IDS,
                    row -> HaloTicketJson.id(row).ifPresent(ids::add));
            return new TicketIdListing(ids, rows.recordCount());
        }
    }

    /** The tickets with these ids that Halo still has, open or closed; at most one page ({@code ids.size()} rows). */
    public List<HaloTicket> byIds(HaloCredentials credentials, HaloAccessToken token, Collection<String> ids,
                                  Deadline deadline) {
        String list = String.join(",", ids);
        try (HaloTicketsApi api = clients.tickets(credentials.resourceUrl(), deadline.remaining());
             Response response = executor.execute(credentials.instance(), resourceBase(credentials), () -> api.search(
                     token.authorizationHeader(), true, ids.size(), 1, null, null, true, null, STABLE_ORDER, false,
                     null, list))) {
            requireSuccess(response);
            List<HaloTicket> found = new ArrayList<>();
            readRows(response, HaloAnswer.TICKET_PAGE, ids.size(), row -> toTicket(row).ifPresent(found::add));
            return found;
        }
    }

    /**
     * @return the ticket, or empty when Halo has no such ticket (404)
     * @throws HaloUnreachableException when Halo answers 200 with something that is not this ticket
     */
    public Optional<HaloTicket> one(HaloCredentials credentials, HaloAccessToken token, String ticketId, Deadline deadline) {
        try (HaloTicketsApi api = clients.tickets(credentials.resourceUrl(), deadline.remaining());
             Response response = executor.execute(credentials.instance(), resourceBase(credentials),
                     () -> api.one(token.authorizationHeader(), ticketId))) {
            if (response.getStatus() == 404) {
                return Optional.empty();
            }
            requireSuccess(response);
            JsonNode body = HaloAnswerBody.tree(json, response, TARGET, HaloAnswer.TICKET);
            Optional<HaloTicket> ticket = body == null ? Optional.empty() : toTicket(body);
            if (ticket.isEmpty() || !ticket.get().id().equals(ticketId)) {
                throw new HaloUnreachableException("Halo answered ticket " + ticketId + " with something that is not "
                        + "that ticket (no matching id)");
            }
            return ticket;
        }
    }

    private static String from(TicketQuery query) {
        return query.lastUpdateFrom() == null ? null : FILTER_TIME.format(query.lastUpdateFrom());
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

    /** How many rows a listing held, and the {@code record_count} Halo gave with it. */
    private record Rows(int count, Long recordCount) {
    }

    /**
     * Streams the {@code tickets} array of a listing, one row at a time, so a page never sits in
     * memory as text and as a tree at once; more than {@code maxRows} rows is refused.
     */
    private Rows readRows(Response response, HaloAnswer answer, int maxRows, Consumer<JsonNode> onRow) {
        int count = 0;
        Long recordCount = null;
        boolean sawTickets = false;
        try (JsonParser parser = HaloAnswerBody.parser(json, response, TARGET, answer)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new HaloUnreachableException("Halo answered the ticket list without tickets; check the Resource URL");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("tickets".equals(field) && value == JsonToken.START_ARRAY) {
                    sawTickets = true;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        if (++count > maxRows) {
                            throw new HaloAnswerTooLargeException(TARGET, answer, maxRows);
                        }
                        onRow.accept(parser.readValueAsTree());
                    }
                } else if ("record_count".equals(field) && value == JsonToken.VALUE_NUMBER_INT) {
                    recordCount = parser.getValueAsLong();
                } else {
                    parser.skipChildren();
                }
            }
        } catch (JsonProcessingException notJson) {
            throw HaloAnswerBody.notJson(TARGET);
        } catch (IOException e) {
            throw HaloAnswerBody.brokeOff(TARGET, e);
        }
        if (!sawTickets) {
            throw new HaloUnreachableException("Halo answered the ticket list without tickets; check the Resource URL");
        }
        return new Rows(count, recordCount);
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
}
