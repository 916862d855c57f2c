package com.halopsaconnector.standin;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@code GET /api/Tickets} with the parameters the connector's sync sends: {@code open_only},
 * {@code closed_only}, {@code includeclosed} (without any of them only open tickets come back),
 * {@code lastupdatefromdate} / {@code lastupdatetodate}, {@code ticketids} (a comma list),
 * {@code order=id} (without an order, the most recently changed first, so an unordered reader meets
 * a list that reorders itself as tickets change), paging by {@code page_size} (at most the desk's
 * page size, 100 as Halo documents unless a test lowers it) and {@code page_no} from 1 (a page past
 * the end is empty), and {@code ticketidonly=true}, which answers the id fields of every match,
 * unpaged.
 */
final class TicketListing {

    static final int MAX_PAGE_SIZE = 100;
    static final int DEFAULT_PAGE_SIZE = 50;

    private TicketListing() {
    }

    static String answer(List<SampleTicket> all, QueryString query, int maxPageSize) {
        List<SampleTicket> matching = all.stream().filter(filter(query)).sorted(order(query)).toList();
        if (query.isTrue("ticketidonly")) {
            return "{\"record_count\":" + matching.size() + ",\"tickets\":[" + matching.stream()
                    .map(ticket -> "{\"id\":" + ticket.id() + ",\"status_id\":" + ticket.statusId() + ",\"client_id\":"
                            + ticket.clientId() + ",\"client_name\":" + Json.string(ticket.clientName()) + "}")
                    .collect(Collectors.joining(",")) + "]}";
        }
        int pageSize = Math.max(1, Math.min(maxPageSize, query.intOr("page_size", DEFAULT_PAGE_SIZE)));
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

    private static Comparator<SampleTicket> order(QueryString query) {
        if ("id".equals(query.get("order").orElse(null))) {
            Comparator<SampleTicket> byId = Comparator.comparingInt(SampleTicket::id);
            return query.isTrue("orderdesc") ? byId.reversed() : byId;
        }
        return Comparator.comparing(SampleTicket::lastUpdate).reversed().thenComparingInt(SampleTicket::id);
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
        Optional<Set<Integer>> ids = query.get("ticketids").map(list -> Arrays.stream(list.split(","))
                .map(String::trim).filter(id -> id.matches("\\d{1,9}")).map(Integer::valueOf).collect(Collectors.toSet()));
        Optional<LocalDateTime> from = date(query, "lastupdatefromdate");
        Optional<LocalDateTime> to = date(query, "lastupdatetodate");
        return byState
                .and(ticket -> ids.map(set -> set.contains(ticket.id())).orElse(true))
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
