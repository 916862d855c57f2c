package com.halopsaconnector.halo;

import java.time.Instant;

/**
 * Filters of one ticket listing. Whether Halo includes closed tickets by default is not
 * documented, so every query says explicitly which it wants.
 */
public record TicketQuery(Boolean openOnly, Boolean closedOnly, Boolean includeClosed, Instant lastUpdateFrom) {

    public static TicketQuery openTickets() {
        return new TicketQuery(true, null, null, null);
    }

    public static TicketQuery closedUpdatedSince(Instant from) {
        return new TicketQuery(null, true, null, from);
    }

    public static TicketQuery allUpdatedSince(Instant from) {
        return new TicketQuery(null, null, true, from);
    }
}
