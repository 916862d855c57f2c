package com.halopsaconnector.store.ticket;

/** A ticket item an event-only webhook marked stale, the mark's time as stored, and its failed fetches so far. */
public record StaleTicket(String ticketId, String staleSince, int failedFetches) {
}
