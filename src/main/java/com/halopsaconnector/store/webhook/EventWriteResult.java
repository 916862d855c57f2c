package com.halopsaconnector.store.webhook;

/** What became of one webhook event. */
public enum EventWriteResult {
    /** Stored now, and counted on the connection. */
    STORED,
    /** Stored by an earlier delivery; nothing was written. */
    DUPLICATE,
    /** The tenant's connection was deleted after its token was looked up; nothing was written. */
    TENANT_GONE
}
