package com.halopsaconnector.halo;

import java.util.List;

/**
 * One page of Halo's ticket list. {@code received} counts every row Halo sent, including any we
 * could not use, so a short page is recognised as the last one; {@code recordCount} is how many
 * tickets Halo says match the filter ({@code null} when it did not say).
 */
public record HaloTicketPage(List<HaloTicket> tickets, int received, Long recordCount) {

    /** The first ticket's id: a page past the end may repeat the last page, recognised by this. */
    public String firstId() {
        return tickets.isEmpty() ? null : tickets.get(0).id();
    }
}
