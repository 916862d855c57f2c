package com.halopsaconnector.store;

/** DynamoDB or KMS could not be reached or refused the call; the caller should be told to retry. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String service, Throwable cause) {
        super(service + " call failed: " + cause.getClass().getSimpleName(), cause);
    }
}
