package com.halopsaconnector.halo;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import com.halopsaconnector.domain.HaloRequestBudget;
import com.halopsaconnector.domain.HaloRequestsPausedException;

import io.vertx.core.VertxException;

/**
 * Runs one call to a Halo instance: takes a request from the instance's shared budget first, and
 * after a 429 pauses every caller of that instance until Halo's {@code Retry-After} has passed. A
 * 429 ends the call instead of being retried here, so Halo never sees a tight retry loop. A call
 * that got no HTTP answer becomes {@link HaloUnreachableException}, with the same words whatever the
 * reason (the log keeps the reason).
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

    @Inject
    Clock clock;

    /**
     * @param instance the Halo instance the request counts against: {@code HaloCredentials.instance()}
     * @param target the base URL the client was built for, for the message when Halo gives no answer
     * @throws HaloRateLimitedException when the budget refuses the request (then nothing is sent) or Halo answers 429
     * @throws HaloUnreachableException when Halo gave no HTTP answer
     */
    Response execute(String instance, URI target, Supplier<Response> call) {
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

    private static Response send(URI target, Supplier<Response> call) {
        try {
            return call.get();
        } catch (ProcessingException | VertxException e) {
            // A transport failure is a ProcessingException; a request reset before sending (see
            // HaloApiClients) reaches here as Vert.x' StreamResetException.
            LOG.warnf("Halo request to %s got no answer: %s", target.getHost(), describe(e));
            throw HaloUnreachableException.noAnswer(target, e);
        }
    }

    /** The innermost causes, which say what happened (refused, reset, timed out, not sent). */
    private static String describe(Throwable failure) {
        StringBuilder reasons = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause != failure) {
                reasons.append(" <- ");
            }
            reasons.append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) {
                reasons.append(" (").append(cause.getMessage()).append(')');
            }
        }
        return reasons.toString();
    }

    private HaloRateLimitedException pauseAfter429(String instance, Response response) {
        Instant now = clock.instant();
        Duration pause;
        try (response) {
            pause = RetryAfter.parse(response.getHeaderString(HttpHeaders.RETRY_AFTER), now).orElse(PAUSE_WITHOUT_RETRY_AFTER);
        }
        if (pause.compareTo(SHORTEST_PAUSE) < 0) {
            pause = SHORTEST_PAUSE;
        }
        Instant resumeAt = now.plus(pause);
        LOG.warnf("Halo instance %s answered 429; no requests to it until %s", instance, resumeAt);
        budget.pauseUntil(instance, resumeAt);
        return HaloRateLimitedException.haloAsked(instance, resumeAt, now);
    }
}
