package com.halopsaconnector.sync;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.halopsaconnector.web.Problem;
import com.halopsaconnector.web.ProblemResponses;
import com.halopsaconnector.web.ProblemType;

/** Problem answers that only the sync gives. */
public class SyncProblemMappers {

    @ServerExceptionMapper
    public Response alreadyRunning(SyncAlreadyRunningException e) {
        return ProblemResponses.builder(Problem.of(ProblemType.SYNC_RUNNING,
                        "A sync of this Halo connection is already running; its progress shows in the connection's sync state."))
                .header(HttpHeaders.RETRY_AFTER, 30).build();
    }
}
