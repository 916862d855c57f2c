package com.halopsaconnector.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.halopsaconnector.domain.SyncCursor;
import com.halopsaconnector.store.ticket.TicketPurge;

/**
 * The first pass of a first sync: the tenant's ticket items of an older epoch (another Halo's data,
 * or what was left after a Disconnect) are removed, a page at a time, before the new Halo's tickets
 * come in. Asks Halo nothing.
 */
@ApplicationScoped
class PurgeStep {

    private static final Logger LOG = Logger.getLogger(PurgeStep.class);

    @Inject
    TicketPurge purge;

    StepOutcome run(SyncRun run) {
        SyncCursor cursor = run.state().cursor();
        TicketPurge.Progress progress = purge.purgeOlderThan(run.tenant(), run.epoch(), cursor.resumeAfter());
        if (progress.deleted() > 0) {
            LOG.infof("Removed %d ticket items of other Halo data", progress.deleted());
        }
        return StepOutcome.to(progress.resumeAfter() == null ? cursor.nextPass() : cursor.resumingAfter(progress.resumeAfter()), 0);
    }
}
