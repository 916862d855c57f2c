package com.halopsaconnector.sync;

/** Another run holds the tenant's sync lease. */
public class SyncAlreadyRunningException extends RuntimeException {

    public SyncAlreadyRunningException() {
        super("A sync of this connection is already running", null, false, false);
    }
}
