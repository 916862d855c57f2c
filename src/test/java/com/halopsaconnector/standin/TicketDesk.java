package com.halopsaconnector.standin;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The stand-in Halo's tickets, which a test may change while the connector reads them, as agents
 * do on a busy service desk: tickets close, open, change and are deleted. Every change moves the
 * ticket's {@code last_update} to the time given, as Halo does.
 */
public final class TicketDesk {

    private static final int CLOSED_STATUS = 9;
    private static final int NEW_STATUS = 1;

    private final List<SampleTicket> tickets;

    TicketDesk(List<SampleTicket> tickets) {
        this.tickets = new ArrayList<>(tickets);
    }

    /** A desk of {@code count} open tickets with ids {@code firstId}.., last changed at {@code lastUpdate}. */
    public static TicketDesk open(int firstId, int count, LocalDateTime lastUpdate) {
        List<SampleTicket> tickets = new ArrayList<>();
        for (int id = firstId; id < firstId + count; id++) {
            tickets.add(ticket(id, "Ticket " + id, NEW_STATUS, false, lastUpdate));
        }
        return new TicketDesk(tickets);
    }

    public synchronized TicketDesk close(int id, LocalDateTime at) {
        return replace(id, ticket -> ticket(id, ticket.summary(), CLOSED_STATUS, true, at));
    }

    public synchronized TicketDesk rename(int id, String summary, LocalDateTime at) {
        return replace(id, ticket -> ticket(id, summary, ticket.statusId(), ticket.closed(), at));
    }

    /** A new ticket, or a closed one opened again. */
    public synchronized TicketDesk openTicket(int id, String summary, LocalDateTime at) {
        tickets.removeIf(ticket -> ticket.id() == id);
        tickets.add(ticket(id, summary, NEW_STATUS, false, at));
        return this;
    }

    public synchronized TicketDesk delete(int id) {
        tickets.removeIf(ticket -> ticket.id() == id);
        return this;
    }

    public synchronized List<SampleTicket> all() {
        return List.copyOf(tickets);
    }

    public synchronized Optional<SampleTicket> find(int id) {
        return tickets.stream().filter(ticket -> ticket.id() == id).findFirst();
    }

    private TicketDesk replace(int id, UnaryOperator<SampleTicket> change) {
        for (int i = 0; i < tickets.size(); i++) {
            if (tickets.get(i).id() == id) {
                tickets.set(i, change.apply(tickets.get(i)));
                return this;
            }
        }
        throw new IllegalArgumentException("no ticket " + id);
    }

    private static SampleTicket ticket(int id, String summary, int status, boolean closed, LocalDateTime lastUpdate) {
        return new SampleTicket(id, summary, summary + " (details)", status, closed, 3, 1, "Contoso", "Service Desk", 3, 1,
                lastUpdate.minusHours(1), lastUpdate);
    }
}
