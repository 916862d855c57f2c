package com.halopsaconnector.standin;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code GET /api/Tickets} with the filters the connector's sync sends: {@code open_only},
 * {@code closed_only}, {@code includeclosed} (without any of them only open tickets come back),
 * {@code lastupdatefromdate} / {@code lastupdatetodate}, and paging by {@code page_size} (at most
 * 100, as Halo documents) and {@code page_no} from 1. A page past the end is empty.
 */
final class TicketListing {

    static final int MAX_PAGE_SIZE = 100;
    static final int DEFAULT_PAGE_SIZE = 50;

    private TicketListing() {
    }

    static String answer(List<SampleTicket> all, QueryString query) {
        List<SampleTicket> matching = all.stream().filter(filter(query)).toList();
        int pageSize = Math.max(1, Math.min(MAX_PAGE_SIZE, query.intOr("page_size", DEFAULT_PAGE_SIZE)));
        int pageNo = Math.max(1, query.intOr("page_no", 1));
        int from = Math.min(matching.size(), (pageNo - 1) * pageSize);
        int to = Math.min(matching.size(), from + pageSize);
        StringBuilder json = new StringBuilder("{\"page_no\":" + pageNo + ",\"page_size\":" + pageSize
                + ",\"record_count\":" + matching.size() + ",\"tickets\":[");
        for (int i = from; i < to; i++) {
            json.append(i > from ? "," : "").append(matching.get(i).toJson());
        }
        return json.append("]}").toString();
    }

    private static Predicate<SampleTicket> filter(QueryString query) {
        Predicate<SampleTicket> byState;
        if (query.isTrue("closed_only")) {
            byState = SampleTicket::closed;
        } else if (query.isTrue("includeclosed") && !query.isTrue("open_only")) {
            byState = ticket -> true;
        } else {
            byState = ticket -> !ticket.closed();
        }
        Optional<LocalDateTime> from = date(query, "lastupdatefromdate");
        Optional<LocalDateTime> to = date(query, "lastupdatetodate");
        return byState
                .and(ticket -> from.map(date -> !ticket.lastUpdate().isBefore(date)).orElse(true))
                .and(ticket -> to.map(date -> !ticket.lastUpdate().isAfter(date)).orElse(true));
    }

    private static Optional<LocalDateTime> date(QueryString query, String name) {
        try {
            return query.get(name).map(LocalDateTime::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
