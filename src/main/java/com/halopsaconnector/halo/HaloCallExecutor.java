package com.halopsaconnector.halo;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import javax.net.ssl.SSLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import com.halopsaconnector.domain.HaloRequestBudget;
import com.halopsaconnector.domain.HaloRequestsPausedException;

/**
 * Runs one call to a Halo instance: takes a request from the instance's shared budget first, and
 * after a 429 pauses every caller of that instance until Halo's {@code Retry-After} has passed. A
 * 429 ends the call instead of being retried here, so Halo never sees a tight retry loop. Transport
 * failures become {@link HaloUnreachableException}.
 */
@ApplicationScoped
public class HaloCallExecutor {

    private static final Logger LOG = Logger.getLogger(HaloCallExecutor.class);
    /** Halo's 429 may come without Retry-After. */
    static final Duration PAUSE_WITHOUT_RETRY_AFTER = Duration.ofSeconds(60);
    /** Even "Retry-After: 0" pauses a little, so nobody hammers an instance that just said 429. */
    static final Duration SHORTEST_PAUSE = Duration.ofSeconds(1);

    @Inject
    HaloRequestBudget budget;

    Clock clock = Clock.systemUTC();

    /**
     * @param instance the Halo instance the request counts against: {@code HaloCredentials.instance()}
     * @param target what is being called, for messages: e.g. "the Auth URL"
     * @throws HaloRateLimitedException when the budget refuses the request (then nothing is sent) or Halo answers 429
     */
    public Response execute(String instance, String target, Supplier<Response> call) {
        try {
            budget.take(instance);
        } catch (HaloRequestsPausedException paused) {
            LOG.infof("Request to Halo instance %s not sent: %s until %s", instance,
                    paused.haloAsked() ? "Halo asked for a pause" : "the request budget is used up", paused.resumeAt());
            throw HaloRateLimitedException.from(paused, clock.instant());
        }
        Response response = send(target, call);
        if (response.getStatus() == 429) {
            throw pauseAfter429(instance, response);
        }
        return response;
    }

    private HaloRateLimitedException pauseAfter429(String instance, Response response) {
        Duration pause;
        try (response) {
            pause = RetryAfter.parse(response.getHeaderString(HttpHeaders.RETRY_AFTER)).orElse(PAUSE_WITHOUT_RETRY_AFTER);
        }
        if (pause.compareTo(SHORTEST_PAUSE) < 0) {
            pause = SHORTEST_PAUSE;
        }
        Instant now = clock.instant();
        Instant resumeAt = now.plus(pause);
        LOG.warnf("Halo instance %s answered 429; no requests to it until %s", instance, resumeAt);
        budget.pauseUntil(instance, resumeAt);
        return HaloRateLimitedException.haloAsked(instance, resumeAt, now);
    }

    private static Response send(String target, Supplier<Response> call) {
        try {
            return call.get();
        } catch (ProcessingException e) {
            throw new HaloUnreachableException("Halo could not be reached at " + target + ": " + reason(e), e);
        }
    }

    private static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException) {
                return "the host name does not resolve";
            }
            if (cause instanceof SSLException) {
                return "the TLS handshake failed";
            }
            if (cause instanceof ConnectException) {
                return "the connection was refused";
            }
            if (cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
                return "the request timed out";
            }
        }
        return "the connection failed";
    }
}
