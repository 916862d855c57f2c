package com.halopsaconnector.sync;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.halopsaconnector.web.Deadlines;
import com.halopsaconnector.web.LambdaInvocation;

/**
 * The schedule's entry point. EventBridge invokes the config function with the event written in
 * {@code template.yaml}, an HTTP-API-shaped event for this path; API Gateway has no route to it,
 * and an event that did come through API Gateway is answered as if the path did not exist.
 */
@Path("/internal/scheduled-sync")
public class ScheduledSyncResource {

    /** Used when the runtime reports no deadline (local runs). */
    static final Duration UNKNOWN_INVOCATION_TIME = Duration.ofSeconds(50);

    @Inject
    LambdaInvocation invocation;

    @Inject
    Deadlines deadlines;

    @Inject
    ScheduledSync scheduled;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Integer> run() {
        if (invocation.cameThroughApiGateway()) {
            throw new NotFoundException();
        }
        return Map.of("tenantsRun", scheduled.runDueSyncs(deadlines.forWholeInvocation(UNKNOWN_INVOCATION_TIME)));
    }
}
