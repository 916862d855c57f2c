package com.halopsaconnector.store;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** DynamoDB or KMS could not be reached or refused the call; the caller should be told to retry. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String service, Throwable cause) {
        super(service + " call failed: " + describe(cause), cause);
    }

    /** The exception type and AWS error code and status, never the message (it may quote item values). */
    private static String describe(Throwable cause) {
        if (cause instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            return cause.getClass().getSimpleName() + " (" + aws.awsErrorDetails().errorCode() + ", HTTP " + aws.statusCode() + ")";
        }
        return cause.getClass().getSimpleName();
    }
}
