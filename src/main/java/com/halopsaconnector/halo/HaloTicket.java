package com.halopsaconnector.halo;

import com.halopsaconnector.domain.TicketSnapshot;

/** One ticket as Halo's API returned it: its normalised id and the fields we keep. */
public record HaloTicket(String id, TicketSnapshot snapshot) {
}
