package com.halopsaconnector.store;

/** Another request changed the connection between our read and our conditional write. */
public class ConcurrentUpdateException extends RuntimeException {

    public ConcurrentUpdateException() {
        super("The connection was changed by another request");
    }
}
