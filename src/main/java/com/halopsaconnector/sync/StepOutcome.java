package com.halopsaconnector.sync;

import java.util.List;

import com.halopsaconnector.domain.SyncCursor;
import com.halopsaconnector.domain.TicketFailure;

/**
 * What one step of a sync run did: where the sync goes on ({@code null} when it is done), how many
 * tickets it stored, which tickets it could not read, and which it read after earlier failures.
 */
record StepOutcome(SyncCursor next, int stored, List<TicketFailure> failed, List<String> recovered) {

    static StepOutcome to(SyncCursor next, int stored) {
        return new StepOutcome(next, stored, List.of(), List.of());
    }
}
