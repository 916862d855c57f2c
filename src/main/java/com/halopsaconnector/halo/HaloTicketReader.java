package com.halopsaconnector.halo;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
    HaloHttp http;

    @Inject
    HaloCallExecutor executor;

    @Inject
    HaloTicketJson tickets;

    @Inject
    ObjectMapper json;

    public HaloTicketPage page(HaloCredentials credentials, HaloAccessToken token, TicketQuery query, int pageNo,
                               int pageSize, Duration maxWait) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("pageinate", true);
        filters.put("page_size", pageSize);
        filters.put("page_no", pageNo);
        filters.put("open_only", query.openOnly());
        filters.put("closed_only", query.closedOnly());
        filters.put("includeclosed", query.includeClosed());
        filters.put("lastupdatefromdate", query.lastUpdateFrom() == null ? null : FILTER_TIME.format(query.lastUpdateFrom()));
        HaloReply reply = send(credentials, HaloRequest.get(
                HaloRequest.target(credentials.resourceUrl(), "/Tickets", FormEncoding.encode(filters)),
                token.authorizationHeader(), maxWait));
        requireSuccess(reply);
        JsonNode rows = readJson(reply).path("tickets");
        if (!rows.isArray()) {
            throw new HaloUnreachableException("Halo answered the ticket list without tickets; check the Resource URL");
        }
        List<HaloTicket> page = new ArrayList<>();
        rows.forEach(row -> toTicket(row).ifPresent(page::add));
        return new HaloTicketPage(page, rows.size());
    }

    /** @return the ticket, or empty when Halo has no such ticket (404) */
    public Optional<HaloTicket> one(HaloCredentials credentials, HaloAccessToken token, String ticketId, Duration maxWait) {
        HaloReply reply = send(credentials, HaloRequest.get(
                HaloRequest.target(credentials.resourceUrl(), "/Tickets/" + FormEncoding.pathSegment(ticketId), null),
                token.authorizationHeader(), maxWait));
        if (reply.status() == 404) {
            return Optional.empty();
        }
        requireSuccess(reply);
        return toTicket(readJson(reply));
    }

    private HaloReply send(HaloCredentials credentials, HaloRequest request) {
        return executor.execute(credentials.instance(), () -> http.send(request));
    }

    private Optional<HaloTicket> toTicket(JsonNode row) {
        if (!row.isObject()) {
            return Optional.empty();
        }
        return HaloTicketJson.id(row).map(id -> new HaloTicket(id, tickets.snapshot(row)));
    }

    private static void requireSuccess(HaloReply reply) {
        int status = reply.status();
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

    private JsonNode readJson(HaloReply reply) {
        try {
            String text = reply.body();
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
