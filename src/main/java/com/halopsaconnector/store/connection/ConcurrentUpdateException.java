package com.halopsaconnector.store.connection;

/** Another request changed the connection between our read and our conditional write. */
public class ConcurrentUpdateException extends RuntimeException {

    public ConcurrentUpdateException() {
        super("The connection was changed by another request");
    }
}
