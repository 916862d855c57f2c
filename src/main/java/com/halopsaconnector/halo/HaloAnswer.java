package com.halopsaconnector.halo;

/**
 * The kinds of answer the connector reads from Halo, each with the most it reads of one. A Halo URL
 * is whatever a user typed, and the far end may send an endless body: past its cap an answer is
 * refused ({@link HaloAnswerTooLargeException}) instead of filling the function's memory.
 */
public enum HaloAnswer {
    /** An OAuth token answer is a few hundred bytes. */
    TOKEN("the token answer", 64 * 1024),
    /** One ticket, without {@code includedetails}. */
    TICKET("a ticket", 2 * 1024 * 1024),
    /** A page of at most 100 tickets. */
    TICKET_PAGE("a page of tickets", 16 * 1024 * 1024),
    /** The id fields of every ticket in a sync's scope ({@code ticketidonly=true}), about 150 bytes a ticket. */
    TICKET_IDS("the list of ticket ids", 8 * 1024 * 1024);

    private final String description;
    private final long maxBytes;

    HaloAnswer(String description, long maxBytes) {
        this.description = description;
        this.maxBytes = maxBytes;
    }

    public String description() {
        return description;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
