package com.halopsaconnector.sync;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the ticket sync ({@code connector.sync.*}); the README's configuration table explains each. */
@ConfigMapping(prefix = "connector.sync")
public interface SyncConfig {

    /** A first sync reads the open tickets plus the closed ones changed within this. */
    @WithDefault("30D")
    Duration firstSyncLookback();

    /** An incremental sync starts this long before the watermark, for clocks and late writes in Halo. */
    @WithDefault("5M")
    Duration overlap();

    /** How long after a complete sync the next incremental one is due. */
    @WithDefault("15M")
    Duration incrementalInterval();

    /** How often the schedule wakes the function (the template's SyncScheduleMinutes); when a paused sync goes on. */
    @WithDefault("5M")
    Duration scheduleInterval();

    /** Tickets per page; Halo's published API allows at most 100. */
    @WithDefault("100")
    int pageSize();

    /** How long Save And Sync spends syncing before it answers. */
    @WithDefault("5S")
    Duration saveBudget();

    /** How long {@code POST /sync} may run: under API Gateway's 29 s. */
    @WithDefault("25S")
    Duration requestBudget();

    /** How long after a failed run (or a failed fetch of one stale ticket) it is tried again; doubled for each failure in a row. */
    @WithDefault("5M")
    Duration failureBackoff();

    /** The longest wait after failures in a row. */
    @WithDefault("6H")
    Duration longestFailureBackoff();

    /** Stale tickets fetched by id per run. */
    @WithDefault("100")
    int staleBatch();
}
