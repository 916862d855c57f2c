package com.halopsaconnector.domain;

import java.time.Instant;

/**
 * Where an unfinished sync goes on, and when it started (which becomes the watermark once it
 * completes).
 *
 * @param pass          the pass under way
 * @param checking      whether the pass's pages are read and its list of ids is being checked
 * @param page          the next page to fetch (from 1)
 * @param lastFirstId   the first ticket id of the last page fetched (Halo may answer a page number past
 *                      the end with the last page again)
 * @param haloPageSize  the page size Halo actually answers with in this pass (it may cap what is asked
 *                      for); 0 until a page has told
 * @param resumeAfter   the last item the purge pass handled; {@code null} to start from the beginning
 */
public record SyncCursor(SyncPass pass, boolean checking, int page, String lastFirstId, int haloPageSize,
                         String resumeAfter, Instant startedAt) {

    public static SyncCursor firstSync(Instant now) {
        return startOf(SyncPass.PURGE, now);
    }

    public static SyncCursor incremental(Instant now) {
        return startOf(SyncPass.INCREMENTAL, now);
    }

    private static SyncCursor startOf(SyncPass pass, Instant startedAt) {
        return new SyncCursor(pass, false, 1, null, 0, null, startedAt);
    }

    public SyncCursor nextPage(String firstIdOfThisPage, int pageSizeHaloAnswers) {
        return new SyncCursor(pass, false, page + 1, firstIdOfThisPage, pageSizeHaloAnswers, null, startedAt);
    }

    /** The pass's pages are read: its ids are checked next. */
    public SyncCursor toChecking() {
        return new SyncCursor(pass, true, page, lastFirstId, haloPageSize, null, startedAt);
    }

    public SyncCursor resumingAfter(String itemKey) {
        return new SyncCursor(pass, false, page, null, 0, itemKey, startedAt);
    }

    /** The start of the next pass, or {@code null} when this was the last pass. */
    public SyncCursor nextPass() {
        SyncPass next = pass.next();
        return next == null ? null : startOf(next, startedAt);
    }

    /**
     * What a ticket item read by this pass of this sync is marked with, so that the check against
     * Halo's ids can tell which tickets the pages missed.
     */
    public String readMark() {
        return HaloTime.sortable(startedAt) + "#" + pass.name();
    }
}
