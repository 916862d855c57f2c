package com.halopsaconnector.halo;

import java.util.Set;

/**
 * The ids of every ticket matching a filter, from one {@code ticketidonly} request: what a sync's
 * scope holds, to check the pages against. {@code recordCount} is Halo's own count ({@code null}
 * when it did not say); fewer ids than that means Halo cut the list short.
 */
public record TicketIdListing(Set<String> ids, Long recordCount) {

    public boolean isWhole() {
        return recordCount == null || ids.size() >= recordCount;
    }
}
