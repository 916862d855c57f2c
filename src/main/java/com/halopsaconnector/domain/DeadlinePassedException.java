package com.halopsaconnector.domain;

/** The request ran out of time before it could finish; nothing was committed. */
public class DeadlinePassedException extends RuntimeException {

    public DeadlinePassedException() {
        super("The request ran out of time");
    }

    public DeadlinePassedException(Throwable cause) {
        super("The request ran out of time", cause);
    }
}
