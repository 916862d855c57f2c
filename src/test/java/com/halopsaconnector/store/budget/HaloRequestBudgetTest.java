package com.halopsaconnector.store.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.halopsaconnector.domain.HaloRequestsPausedException;
import com.halopsaconnector.testsupport.SerialisedStore;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TestClock;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The shared Halo request budget against the real table. Each test uses its own instance key, so
 * the tests share no counters with each other or with the rest of the suite.
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class HaloRequestBudgetTest {

    static final int CALLERS = 4;
    /** Not a multiple of CALLERS: callers racing in step would overshoot it. */
    static final int SMALL_BUDGET = 19;

    @Inject
    DynamoHaloRequestBudget budget;

    @Inject
    Table table;

    @Inject
    Clock clock;

    SerialisedStore serialisedStore;

    /** See SerialisedStore: moto needs help to keep a conditional update atomic under concurrency. */
    @BeforeEach
    void serialiseStoreCalls() {
        serialisedStore = SerialisedStore.start();
    }

    @AfterEach
    void restoreStoreCallsAndTheClock() {
        serialisedStore.close();
        TestClock.reset();
    }

    @Test
    void aBudgetOfN_letsExactlyNTakesThrough_fromConcurrentCallers_andRefusesTheNextUntilTheNextMinute() throws Exception {
        String instance = newInstance();
        ExecutorService threads = Executors.newFixedThreadPool(CALLERS);
        List<Integer> takenPerCaller = new ArrayList<>();
        try {
            CyclicBarrier start = new CyclicBarrier(CALLERS);
            List<Future<Integer>> callers = new ArrayList<>();
            for (int caller = 0; caller < CALLERS; caller++) {
                callers.add(threads.submit(() -> {
                    start.await(60, TimeUnit.SECONDS);
                    return takeUntilRefused(instance);
                }));
            }
            for (Future<Integer> caller : callers) {
                takenPerCaller.add(caller.get(300, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(takenPerCaller.stream().mapToInt(Integer::intValue).sum()).isEqualTo(SMALL_BUDGET);
        assertThat(countsStoredFor(instance)).isEqualTo(SMALL_BUDGET);

        Instant before = clock.instant();
        HaloRequestsPausedException refusal = refusalOf(() -> budget.take(instance, SMALL_BUDGET));
        Instant after = clock.instant();

        assertThat(refusal.haloAsked()).isFalse();
        assertThat(refusal.resumeAt().getEpochSecond() % 60).as("a minute's start").isZero();
        assertThat(refusal.resumeAt()).isAfter(before).isBeforeOrEqualTo(after.plus(Duration.ofMinutes(1)));
        assertThat(refusal.getMessage()).contains(instance, SMALL_BUDGET + " requests per 5 minutes");
        assertThat(countsStoredFor(instance)).as("a refused take counts nothing").isEqualTo(SMALL_BUDGET);
    }

    @Test
    void twoInstances_doNotShareABudget() {
        String first = newInstance();
        String second = newInstance();
        for (int i = 0; i < 3; i++) {
            budget.take(first, 3);
        }
        refusalOf(() -> budget.take(first, 3));

        for (int i = 0; i < 3; i++) {
            budget.take(second, 3);
        }
        assertThat(countsStoredFor(second)).isEqualTo(3);
    }

    @Test
    void aPause_refusesTakesUntilItPasses_andIsNeverMovedEarlier() {
        String instance = newInstance();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant until = now.plusSeconds(60);
        budget.pauseUntil(instance, until);
        budget.pauseUntil(instance, now.plusSeconds(10));

        HaloRequestsPausedException refusal = refusalOf(() -> budget.take(instance));
        assertThat(refusal.haloAsked()).isTrue();
        assertThat(refusal.resumeAt()).isEqualTo(until);

        TestClock.advance(Duration.ofSeconds(30));
        assertThat(refusalOf(() -> budget.take(instance)).resumeAt()).as("still the later pause").isEqualTo(until);

        TestClock.advance(Duration.ofSeconds(31));
        budget.take(instance);
        assertThat(countsStoredFor(instance)).isEqualTo(1);
    }

    /** Bounded, so a budget that never refuses fails the test instead of hanging it. */
    private int takeUntilRefused(String instance) {
        int taken = 0;
        for (int attempt = 0; attempt <= SMALL_BUDGET; attempt++) {
            try {
                budget.take(instance, SMALL_BUDGET);
                taken++;
            } catch (HaloRequestsPausedException refused) {
                assertThat(refused.haloAsked()).isFalse();
                return taken;
            }
        }
        return taken;
    }

    private static HaloRequestsPausedException refusalOf(ThrowingCallable take) {
        HaloRequestsPausedException refusal = catchThrowableOfType(HaloRequestsPausedException.class, take);
        assertThat(refusal).as("the take was refused").isNotNull();
        return refusal;
    }

    private long countsStoredFor(String instance) {
        return table.itemsOf("HALO#" + instance).stream()
                .filter(item -> item.get("sk").s().matches("RATE#\\d{12}"))
                .map(item -> item.get("count"))
                .mapToLong(count -> Long.parseLong(count.n()))
                .sum();
    }

    private static String newInstance() {
        return "budget-" + UUID.randomUUID() + ".halopsa.test";
    }
}
