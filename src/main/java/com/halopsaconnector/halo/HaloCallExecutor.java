package com.halopsaconnector.halo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.halopsaconnector.domain.HaloRequestBudget;
import com.halopsaconnector.domain.HaloRequestsPausedException;

/**
 * Runs one call to a Halo instance: takes a request from the instance's shared budget first, and
 * after a 429 pauses every caller of that instance until Halo's {@code Retry-After} has passed. A
 * 429 ends the call instead of being retried here, so Halo never sees a tight retry loop.
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
     * @throws HaloRateLimitedException when the budget refuses the request (then nothing is sent) or Halo answers 429
     * @throws HaloUnreachableException when Halo gave no HTTP answer
     */
    HaloReply execute(String instance, Supplier<HaloReply> call) {
        try {
            budget.take(instance);
        } catch (HaloRequestsPausedException paused) {
            LOG.infof("Request to Halo instance %s not sent: %s until %s", instance,
                    paused.haloAsked() ? "Halo asked for a pause" : "the request budget is used up", paused.resumeAt());
            throw HaloRateLimitedException.from(paused, clock.instant());
        }
        HaloReply reply = call.get();
        if (reply.status() == 429) {
            throw pauseAfter429(instance, reply);
        }
        return reply;
    }

    private HaloRateLimitedException pauseAfter429(String instance, HaloReply reply) {
        Duration pause = RetryAfter.parse(reply.header("Retry-After")).orElse(PAUSE_WITHOUT_RETRY_AFTER);
        if (pause.compareTo(SHORTEST_PAUSE) < 0) {
            pause = SHORTEST_PAUSE;
        }
        Instant now = clock.instant();
        Instant resumeAt = now.plus(pause);
        LOG.warnf("Halo instance %s answered 429; no requests to it until %s", instance, resumeAt);
        budget.pauseUntil(instance, resumeAt);
        return HaloRateLimitedException.haloAsked(instance, resumeAt, now);
    }
}
