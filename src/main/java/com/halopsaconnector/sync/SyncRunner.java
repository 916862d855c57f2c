package com.halopsaconnector.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.halopsaconnector.domain.Connection;
import com.halopsaconnector.domain.Deadline;
import com.halopsaconnector.domain.SyncState;
import com.halopsaconnector.store.connection.ConnectionStore;
import com.halopsaconnector.store.sync.SyncLeases;
import com.halopsaconnector.store.sync.SyncSupersededException;

/** Runs a tenant's sync under its lease, so that only one run per tenant is ever under way. */
@ApplicationScoped
public class SyncRunner {

    /** A lease outlives its run's deadline by this much, for the last page's writes. */
    static final Duration LEASE_SLACK = Duration.ofSeconds(30);

    @Inject
    SyncLeases leases;

    @Inject
    ConnectionStore connections;

    @Inject
    TicketSync sync;

    @Inject
    Clock clock;

    /**
     * @return the sync state after the run; empty when the tenant has no connection
     * @throws SyncAlreadyRunningException when another run holds the lease
     */
    public Optional<SyncState> run(String tenant, Deadline deadline) {
        String owner = UUID.randomUUID().toString();
        if (!leases.acquire(tenant, owner, clock.instant(), deadline.at().plus(LEASE_SLACK))) {
            throw new SyncAlreadyRunningException();
        }
        try {
            Optional<Connection> connection = connections.find(tenant);
            return connection.map(current -> sync.run(current, deadline));
        } catch (SyncSupersededException changedMeanwhile) {
            return connections.find(tenant).map(Connection::sync);
        } finally {
            leases.release(tenant, owner);
        }
    }
}
