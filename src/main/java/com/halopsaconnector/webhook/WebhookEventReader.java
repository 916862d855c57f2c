package com.halopsaconnector.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.halopsaconnector.domain.InvalidInputException;
import com.halopsaconnector.domain.TicketIds;
import com.halopsaconnector.domain.TicketSnapshot;
import com.halopsaconnector.domain.UnicodeText;
import com.halopsaconnector.domain.WebhookEvent;
import com.halopsaconnector.halo.HaloTicketJson;

/**
 * Reads one event of any of Halo's payload types: "event information only", "key fields only" and
 * "full object". Every field Halo sent is kept in the raw JSON; only the few we index are read.
 */
@ApplicationScoped
public class WebhookEventReader {

    @Inject
    HaloTicketJson tickets;

    /** @throws InvalidInputException (field {@code body}) when the event holds text that is not valid Unicode */
    public WebhookEvent read(JsonNode event) {
        String raw = tickets.write(event);
        if (!UnicodeText.isWellFormed(raw)) {
            throw new InvalidInputException("body", "contains text that is not valid Unicode (an unpaired UTF-16 surrogate)");
        }
        JsonNode ticketNode = event.path("ticket");
        String ticketId = TicketIds.normalise(HaloTicketJson.scalar(event.get("object_id")))
                .or(() -> TicketIds.normalise(HaloTicketJson.scalar(ticketNode.get("id"))))
                .orElse(null);
        TicketSnapshot ticket = ticketId != null && carriesTicketData(ticketNode) ? tickets.snapshot(ticketNode) : null;
        return new WebhookEvent(WebhookEvent.keyFor(HaloTicketJson.scalar(event.get("id")), raw),
                HaloTicketJson.scalar(event.get("event")), ticketId, HaloTicketJson.scalar(event.get("webhook_id")),
                HaloTicketJson.time(event.get("timestamp")), raw, ticket);
    }

    /** A ticket object with nothing but ids says no more than the event itself. */
    private static boolean carriesTicketData(JsonNode ticket) {
        if (!ticket.isObject()) {
            return false;
        }
        return TicketSnapshot.TRACKED_FIELDS.stream().anyMatch(ticket::has);
    }
}
