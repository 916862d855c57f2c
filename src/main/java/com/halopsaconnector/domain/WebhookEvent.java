package com.halopsaconnector.domain;

import java.time.Instant;

/**
 * One event of a Halo "Tickets Changed" delivery.
 *
 * @param key        what deduplicates the event: Halo's event {@code id}, or a SHA-256 (see {@link #keyFor})
 * @param name       Halo's {@code event}, e.g. "ticket status changed"; may be null
 * @param ticketId   the ticket the event is about, normalised; null when it names none
 * @param webhookId  Halo's {@code webhook_id}; may be null
 * @param occurredAt Halo's {@code timestamp}; null when absent or unreadable
 * @param rawJson    the event exactly as received, unknown fields included
 * @param ticket     the ticket data it carried; null for "event information only" and bare key payloads
 * @param futureTimeClamped whether a time Halo sent lay too far ahead and was replaced (see {@link #withTimesNoLaterThan})
 */
public record WebhookEvent(String key, String name, String ticketId, String webhookId, Instant occurredAt,
                           String rawJson, TicketSnapshot ticket, boolean futureTimeClamped) {

    /** Longer ids are replaced by their hash so the table's sort key stays well under its size limit. */
    public static final int MAX_ID_LENGTH = 200;

    /** An event as Halo sent it, no time replaced. */
    public WebhookEvent(String key, String name, String ticketId, String webhookId, Instant occurredAt, String rawJson,
                        TicketSnapshot ticket) {
        this(key, name, ticketId, webhookId, occurredAt, rawJson, ticket, false);
    }

    /** Halo's id when usable; otherwise the hash of the id, or of the whole event when it has none. */
    public static String keyFor(String haloId, String rawJson) {
        if (haloId == null || haloId.isBlank()) {
            return Sha256.hex(rawJson);
        }
        return haloId.length() > MAX_ID_LENGTH ? Sha256.hex(haloId) : haloId;
    }

    /** When the event happened as far as we know: Halo's timestamp, else when we received it. */
    public Instant occurredAtOr(Instant receivedAt) {
        return occurredAt != null ? occurredAt : receivedAt;
    }

    /**
     * This event with its timestamp and its ticket's {@code last_update} replaced by {@code replacement}
     * where they lie after {@code latest}, and flagged if one did. The raw JSON keeps what Halo sent.
     */
    public WebhookEvent withTimesNoLaterThan(Instant latest, Instant replacement) {
        boolean occurredTooLate = occurredAt != null && occurredAt.isAfter(latest);
        boolean updatedTooLate = ticket != null && ticket.lastUpdate() != null && ticket.lastUpdate().isAfter(latest);
        if (!occurredTooLate && !updatedTooLate) {
            return this;
        }
        return new WebhookEvent(key, name, ticketId, webhookId, occurredTooLate ? replacement : occurredAt, rawJson,
                updatedTooLate ? ticket.withLastUpdate(replacement) : ticket, true);
    }
}
