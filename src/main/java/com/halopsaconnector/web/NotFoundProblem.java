package com.halopsaconnector.web;

/** A 404 whose message is shown to the caller as the problem detail. */
public class NotFoundProblem extends RuntimeException {

    public NotFoundProblem(String detail) {
        super(detail);
    }
}
