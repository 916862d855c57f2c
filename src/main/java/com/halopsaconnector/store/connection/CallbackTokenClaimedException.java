package com.halopsaconnector.store.connection;

/**
 * A write would have moved or removed a callback-token item that names another tenant: a hash
 * collision, or an item forged in the table. Nothing was written.
 */
public class CallbackTokenClaimedException extends RuntimeException {

    CallbackTokenClaimedException() {
        super("The callback-token item belongs to another tenant");
    }
}
