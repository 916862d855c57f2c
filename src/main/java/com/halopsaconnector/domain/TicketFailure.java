package com.halopsaconnector.domain;

import java.time.Instant;

/** A ticket the sync could not read from Halo, why (in plain words), and when it is tried again. */
public record TicketFailure(String ticketId, String error, Instant retryAt) {
}
