package com.halopsaconnector.sync;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import com.halopsaconnector.domain.Deadline;
import com.halopsaconnector.store.sync.SyncDueList;
import com.halopsaconnector.web.RequestLogContext;

/**
 * What the schedule wakes the config function for: every tenant whose sync is due (an unfinished
 * one, or an incremental one whose time has come) gets a run, the longest-waiting first, each
 * within a slice of the invocation's time, until the time is used up.
 */
@ApplicationScoped
public class ScheduledSync {

    private static final Logger LOG = Logger.getLogger(ScheduledSync.class);

    @Inject
    SyncDueList dueList;

    @Inject
    SyncRunner runner;

    @Inject
    SyncConfig config;

    @Inject
    Clock clock;

    /** @return how many tenants got a run */
    public int runDueSyncs(Deadline deadline) {
        List<String> due = dueList.dueTenants(clock.instant());
        int ran = 0;
        for (String tenant : due) {
            if (!deadline.leavesTimeFor(TicketSync.MIN_STEP.multipliedBy(2))) {
                break;
            }
            MDC.put(RequestLogContext.TENANT, tenant);
            try {
                runner.run(tenant, slice(deadline));
                ran++;
            } catch (SyncAlreadyRunningException busy) {
                LOG.debug("Skipped: another run holds the lease");
            } catch (RuntimeException e) {
                // One tenant's failure must not starve the others; the message may quote stored data.
                LOG.errorf("Scheduled sync failed: %s", e.getClass().getName());
            } finally {
                MDC.remove(RequestLogContext.TENANT);
            }
        }
        LOG.infof("Scheduled sync: %d due, %d run", due.size(), ran);
        return ran;
    }

    private Deadline slice(Deadline invocation) {
        return invocation.within(config.requestBudget());
    }
}
