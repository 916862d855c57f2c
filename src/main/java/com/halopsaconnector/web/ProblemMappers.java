package com.halopsaconnector.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.halopsaconnector.domain.DeadlinePassedException;
import com.halopsaconnector.domain.InvalidInputException;
import com.halopsaconnector.halo.HaloAnswerTooLargeException;
import com.halopsaconnector.halo.HaloCredentialsRejectedException;
import com.halopsaconnector.halo.HaloPermissionDeniedException;
import com.halopsaconnector.halo.HaloRateLimitedException;
import com.halopsaconnector.halo.HaloUnreachableException;
import com.halopsaconnector.store.StoreUnavailableException;
import com.halopsaconnector.store.connection.ConcurrentUpdateException;
import com.halopsaconnector.store.sealing.SealedValueUnreadableException;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Maps every failure to problem+json. Messages of our own exceptions are written to be shown. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e) {
        return ProblemResponses.of(Problem.invalid(e.errors()));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundProblem e) {
        return ProblemResponses.of(ProblemType.NOT_FOUND, e.getMessage());
    }

    @ServerExceptionMapper
    public Response credentialsRejected(HaloCredentialsRejectedException e) {
        return ProblemResponses.of(ProblemType.HALO_CREDENTIALS_REJECTED, e.getMessage());
    }

    @ServerExceptionMapper
    public Response permissionDenied(HaloPermissionDeniedException e) {
        return ProblemResponses.of(ProblemType.HALO_PERMISSION_DENIED, e.getMessage());
    }

    @ServerExceptionMapper
    public Response haloUnreachable(HaloUnreachableException e) {
        LOG.warnf("Halo unreachable: %s", e.getMessage());
        return ProblemResponses.of(ProblemType.HALO_UNREACHABLE, e.getMessage());
    }

    @ServerExceptionMapper
    public Response haloAnswerTooLarge(HaloAnswerTooLargeException e) {
        LOG.warnf("Halo answer too large: %s", e.getMessage());
        return ProblemResponses.of(ProblemType.HALO_ANSWER_TOO_LARGE, e.getMessage());
    }

    @ServerExceptionMapper
    public Response haloRateLimited(HaloRateLimitedException e) {
        return ProblemResponses.builder(Problem.of(ProblemType.HALO_RATE_LIMITED, e.getMessage()))
                .header(HttpHeaders.RETRY_AFTER, Math.max(1, e.retryAfter().toSeconds())).build();
    }

    @ServerExceptionMapper
    public Response concurrentUpdate(ConcurrentUpdateException e) {
        return ProblemResponses.of(ProblemType.CONCURRENT_UPDATE,
                "The Halo connection was changed by another request at the same time; reload and try again.");
    }

    @ServerExceptionMapper
    public Response deadlinePassed(DeadlinePassedException e) {
        return ProblemResponses.of(ProblemType.REQUEST_TIMED_OUT,
                "Halo did not answer in time to finish within the request's time limit; nothing was saved. Try again.");
    }

    @ServerExceptionMapper
    public Response storeUnavailable(StoreUnavailableException e) {
        LOG.errorf("Storage unavailable: %s", e.getMessage());
        return ProblemResponses.builder(Problem.of(ProblemType.STORAGE_UNAVAILABLE,
                "Storage is temporarily unavailable; nothing was lost, please retry.")).header(HttpHeaders.RETRY_AFTER, 5).build();
    }

    @ServerExceptionMapper
    public Response sealedValueUnreadable(SealedValueUnreadableException e) {
        LOG.errorf("The stored %s failed its integrity check (moved, altered or of an unknown format); it was not used",
                e.purpose().contextValue());
        return ProblemResponses.of(ProblemType.STORED_SECRET_UNREADABLE, "A secret stored for this connection failed its "
                + "integrity check and was not used. Remove the connection and save it again.");
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, AuthenticationCompletionException.class,
            UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e) {
        return ProblemResponses.builder(Problem.of(ProblemType.UNAUTHENTICATED,
                "Send a valid platform JWT as 'Authorization: Bearer <token>'."))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ProblemResponses.of(ProblemType.FORBIDDEN, "This action needs the 'integrations-admin' role.");
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return switch (status) {
            case 404 -> ProblemResponses.of(ProblemType.NOT_FOUND, "No such resource.");
            case 405 -> ProblemResponses.of(ProblemType.METHOD_NOT_ALLOWED, "This method is not allowed on this resource.");
            case 415 -> ProblemResponses.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send application/json.");
            default -> status >= 500 ? unexpected(e)
                    : ProblemResponses.of(new Problem(Problem.TYPE_BASE + "http-" + status, "HTTP " + status, status,
                            "The request could not be handled.", null));
        };
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        // The message is left out on purpose: parser and client exceptions can quote request content.
        StackTraceElement[] trace = e.getStackTrace();
        LOG.errorf("Unexpected failure: %s at %s", e.getClass().getName(), trace.length > 0 ? trace[0] : "unknown");
        return ProblemResponses.of(ProblemType.INTERNAL, "Something went wrong on our side; it has been logged.");
    }
}
