package com.halopsaconnector.sync;

import com.halopsaconnector.domain.SyncState;

/** One run of one tenant's sync: whose it is, the epoch it writes under, its Halo session, and its state so far. */
record SyncRun(String tenant, long epoch, HaloSession halo, SyncState state) {

    SyncRun with(SyncState next) {
        return new SyncRun(tenant, epoch, halo, next);
    }
}
