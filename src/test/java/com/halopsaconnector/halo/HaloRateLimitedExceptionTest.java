package com.halopsaconnector.halo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.halopsaconnector.domain.HaloRequestsPausedException;

class HaloRateLimitedExceptionTest {

    static final Instant NOW = Instant.parse("2026-11-28T10:15:20Z");

    @Test
    void halosPause_isExplainedAsHalosRateLimit() {
        HaloRateLimitedException e = HaloRateLimitedException.haloAsked("acme.halopsa.com", NOW.plusSeconds(30), NOW);
        assertThat(e.getMessage()).isEqualTo("Halo's rate limit was reached; requests to acme.halopsa.com resume in 30 s.");
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(e.resumeAt()).isEqualTo(NOW.plusSeconds(30));
    }

    @Test
    void ourOwnBudget_isExplainedAsThisConnectorsBudget() {
        HaloRequestsPausedException paused = HaloRequestsPausedException.budgetUsedUp("acme.halopsa.com", 250,
                Duration.ofMinutes(5), Instant.parse("2026-11-28T10:16:00Z"));
        HaloRateLimitedException e = HaloRateLimitedException.from(paused, NOW);
        assertThat(e.getMessage()).isEqualTo("This connector's request budget for acme.halopsa.com "
                + "(250 requests per 5 minutes) is used up; requests resume in 40 s.");
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void aPauseHaloAskedForEarlier_isExplainedAsHalosRateLimitToo() {
        HaloRateLimitedException e = HaloRateLimitedException.from(
                HaloRequestsPausedException.haloAsked("acme.halopsa.com", NOW.plusSeconds(12)), NOW);
        assertThat(e.getMessage()).startsWith("Halo's rate limit was reached;").endsWith("resume in 12 s.");
    }

    @Test
    void retryAfter_isRoundedUpToWholeSeconds_andIsAtLeastOne() {
        assertThat(HaloRateLimitedException.haloAsked("h", NOW.plusMillis(2_100), NOW).retryAfter())
                .isEqualTo(Duration.ofSeconds(3));
        assertThat(HaloRateLimitedException.haloAsked("h", NOW.plusMillis(200), NOW).retryAfter())
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(HaloRateLimitedException.haloAsked("h", NOW.minusSeconds(5), NOW).retryAfter())
                .isEqualTo(Duration.ofSeconds(1));
    }
}
