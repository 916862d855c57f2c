package com.halopsaconnector.store.ticket;

/** A ticket item an event-only webhook marked stale, and the mark's time as stored. */
public record StaleTicket(String ticketId, String staleSince) {
}
