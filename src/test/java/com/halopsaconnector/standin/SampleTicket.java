package com.halopsaconnector.standin;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** One ticket as Halo's API shows it; dates are UTC without a zone, as Halo writes them. */
public record SampleTicket(int id, String summary, String details, int statusId, boolean closed, int agentId, int clientId,
                    String clientName, String team, int priorityId, int ticketTypeId, LocalDateTime dateOccurred,
                    LocalDateTime lastUpdate) {

    private static final DateTimeFormatter HALO_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    String toJson() {
        return "{\"id\":" + id
                + ",\"summary\":" + Json.string(summary)
                + ",\"details\":" + Json.string(details)
                + ",\"status_id\":" + statusId
                + ",\"hasbeenclosed\":" + closed
                + ",\"agent_id\":" + agentId
                + ",\"client_id\":" + clientId
                + ",\"client_name\":" + Json.string(clientName)
                + ",\"team\":" + Json.string(team)
                + ",\"priority_id\":" + priorityId
                + ",\"tickettype_id\":" + ticketTypeId
                + ",\"dateoccurred\":" + Json.string(HALO_DATE.format(dateOccurred))
                + ",\"lastactiondate\":" + Json.string(HALO_DATE.format(lastUpdate))
                + ",\"last_update\":" + Json.string(HALO_DATE.format(lastUpdate))
                + "}";
    }
}
