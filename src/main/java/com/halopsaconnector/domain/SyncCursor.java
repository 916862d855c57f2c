package com.halopsaconnector.domain;

import java.time.Instant;

/**
 * Where an unfinished sync goes on: the pass, the next page to fetch (from 1), the first ticket id
 * of the last page fetched (Halo may answer a page number past the end with the last page again),
 * and when the sync started, which becomes the watermark once it completes.
 */
public record SyncCursor(SyncPass pass, int page, String lastFirstId, Instant startedAt) {

    public static SyncCursor firstSync(Instant now) {
        return new SyncCursor(SyncPass.FIRST_OPEN, 1, null, now);
    }

    public static SyncCursor incremental(Instant now) {
        return new SyncCursor(SyncPass.INCREMENTAL, 1, null, now);
    }

    public SyncCursor nextPage(String firstIdOfThisPage) {
        return new SyncCursor(pass, page + 1, firstIdOfThisPage, startedAt);
    }

    /** Page 1 of the next pass, or {@code null} when this was the last pass. */
    public SyncCursor nextPass() {
        SyncPass next = pass.next();
        return next == null ? null : new SyncCursor(next, 1, null, startedAt);
    }
}
