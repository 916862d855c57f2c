package com.halopsaconnector.store.sync;

/** The connection was deleted, or saved with other Halo data, while a sync of it was running. */
public class SyncSupersededException extends RuntimeException {

    public SyncSupersededException() {
        super("The connection changed while its sync was running", null, false, false);
    }
}
