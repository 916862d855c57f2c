package com.halopsaconnector.lambdaruntime;

/**
 * What the runtime posted back for one event: its answer, or its error document. The times are
 * {@link System#nanoTime()} values of the moment the event was handed out and the moment the answer
 * arrived.
 */
public record InvocationResult(boolean failed, String body, String errorType, long handedOutNanos, long answeredNanos) {

    public long handlingNanos() {
        return answeredNanos - handedOutNanos;
    }
}
