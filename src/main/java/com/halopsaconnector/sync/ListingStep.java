package com.halopsaconnector.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.halopsaconnector.domain.Deadline;
import com.halopsaconnector.domain.SyncCursor;
import com.halopsaconnector.domain.SyncState;
import com.halopsaconnector.halo.HaloTicket;
import com.halopsaconnector.halo.HaloTicketPage;
import com.halopsaconnector.halo.TicketIdListing;
import com.halopsaconnector.halo.TicketQuery;
import com.halopsaconnector.store.ticket.SyncedTicketWriter;
import com.halopsaconnector.store.ticket.TicketReadMarks;

/**
 * One step of a listing pass. While paging: one page of the pass's filter, in the order of the
 * ticket id, every ticket stored with the pass's read mark. Page numbers over a set that changes
 * while it is read can skip a ticket (one that leaves the set on an earlier page moves the rest
 * forward), so once the pages are read the pass is checked: Halo lists the ids of every ticket in
 * the filter, and those without this pass's mark are fetched by id. A check that runs out of time is
 * done again by the next step; what it fetched carries the mark by then.
 */
@ApplicationScoped
class ListingStep {

    private static final Logger LOG = Logger.getLogger(ListingStep.class);

    @Inject
    SyncConfig config;

    @Inject
    SyncedTicketWriter tickets;

    @Inject
    TicketReadMarks readMarks;

    @Inject
    Clock clock;

    StepOutcome run(SyncRun run, Deadline deadline) {
        SyncCursor cursor = run.state().cursor();
        return cursor.checking() ? check(run, cursor, deadline) : page(run, cursor);
    }

    private StepOutcome page(SyncRun run, SyncCursor cursor) {
        int asked = config.pageSize();
        HaloTicketPage page = run.halo().page(query(run.state()), cursor.page(), asked);
        if (page.firstId() != null && page.firstId().equals(cursor.lastFirstId())) {
            // Halo answered a page past the end with the last page again: the pages are read.
            return StepOutcome.to(cursor.toChecking(), 0);
        }
        int stored = store(run, cursor, page.tickets());
        int pageSize = cursor.haloPageSize() > 0 ? cursor.haloPageSize() : pageSizeHaloAnswers(page, asked);
        long readSoFar = (long) (cursor.page() - 1) * pageSize + page.received();
        boolean last = page.received() < pageSize || (page.recordCount() != null && readSoFar >= page.recordCount());
        return StepOutcome.to(last ? cursor.toChecking() : cursor.nextPage(page.firstId(), pageSize), stored);
    }

    /** Halo may cap a page below what was asked; {@code record_count} tells a capped page from the last one. */
    private static int pageSizeHaloAnswers(HaloTicketPage page, int asked) {
        boolean capped = page.received() > 0 && page.received() < asked && page.recordCount() != null
                && page.recordCount() > page.received();
        return capped ? page.received() : asked;
    }

    private StepOutcome check(SyncRun run, SyncCursor cursor, Deadline deadline) {
        TicketIdListing listing = run.halo().ids(query(run.state()));
        if (!listing.isWhole()) {
            LOG.warnf("Halo listed %d ticket ids of the %d it counts for the %s pass; only those are checked",
                    listing.ids().size(), listing.recordCount(), cursor.pass());
        }
        Set<String> unread = readMarks.notReadBy(run.tenant(), listing.ids(), cursor.readMark());
        int batch = cursor.haloPageSize() > 0 ? Math.min(cursor.haloPageSize(), config.pageSize()) : config.pageSize();
        List<String> pending = new ArrayList<>(unread);
        int stored = 0;
        for (int from = 0; from < pending.size(); from += batch) {
            if (!deadline.leavesTimeFor(TicketSync.MIN_STEP)) {
                return StepOutcome.to(cursor, stored);
            }
            stored += fetchAndStore(run, cursor, pending.subList(from, Math.min(from + batch, pending.size())));
        }
        if (!unread.isEmpty()) {
            LOG.infof("The %s pass's pages missed %d tickets that Halo lists; fetched them by id", cursor.pass(), unread.size());
        }
        return StepOutcome.to(cursor.nextPass(), stored);
    }

    /** Fetches by a list of ids; an id Halo leaves out of that answer is asked for alone (404: gone, skipped). */
    private int fetchAndStore(SyncRun run, SyncCursor cursor, List<String> ids) {
        List<HaloTicket> found = new ArrayList<>(run.halo().byIds(ids));
        found.removeIf(ticket -> !ids.contains(ticket.id()));
        Set<String> answered = new HashSet<>();
        found.forEach(ticket -> answered.add(ticket.id()));
        for (String id : ids) {
            if (!answered.contains(id)) {
                Optional<HaloTicket> alone = run.halo().ticket(id);
                alone.ifPresent(found::add);
            }
        }
        return store(run, cursor, found);
    }

    private int store(SyncRun run, SyncCursor cursor, List<HaloTicket> read) {
        Instant fetchedAt = clock.instant();
        int stored = 0;
        for (HaloTicket ticket : read) {
            if (tickets.store(run.tenant(), run.epoch(), ticket.id(), ticket.snapshot(), fetchedAt, cursor.readMark())) {
                stored++;
            }
        }
        return stored;
    }

    private TicketQuery query(SyncState state) {
        SyncCursor cursor = state.cursor();
        return switch (cursor.pass()) {
            case FIRST_OPEN -> TicketQuery.openTickets();
            case FIRST_RECENT_CLOSED -> TicketQuery.closedUpdatedSince(cursor.startedAt().minus(config.firstSyncLookback()));
            case INCREMENTAL -> TicketQuery.allUpdatedSince(state.watermark().minus(config.overlap()));
            case CATCH_UP -> TicketQuery.allUpdatedSince(cursor.startedAt().minus(config.overlap()));
            case PURGE, STALE -> throw new IllegalStateException(cursor.pass() + " is not a listing pass");
        };
    }
}
