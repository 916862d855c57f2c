package com.halopsaconnector.testsupport;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * Holds back a stub's answers until the test releases them, and tells the test when requests have
 * arrived: "the application is now waiting for this answer" becomes an event a test can wait for,
 * however slow the machine. Answers are numbered in the order their requests arrived (1, 2, ...), so
 * a test can let one through and keep another. Waits are bounded, so a broken test fails instead
 * of hanging.
 */
public final class Hold implements AutoCloseable {

    /** Far beyond anything a working test waits for, on any machine. */
    private static final long BOUND_MILLIS = TimeUnit.SECONDS.toMillis(120);

    private final String name = "hold-" + UUID.randomUUID();
    private final Set<Integer> released = new HashSet<>();
    private int arrived;
    private boolean releasedAll;
    private int keptOnly;

    public Hold() {
        AnswerHooks.register(name, this::holdAnswer);
    }

    /** {@code answer}, held by this hold. */
    public ResponseDefinitionBuilder on(ResponseDefinitionBuilder answer) {
        return AnswerHooks.hooked(answer, name);
    }

    /** Returns once the first held answer is waiting, i.e. its request has reached the server. */
    public void awaitArrival() {
        awaitArrivals(1);
    }

    /** Returns once {@code count} requests have reached the held stub. */
    public synchronized void awaitArrivals(int count) {
        long giveUpAt = System.currentTimeMillis() + BOUND_MILLIS;
        while (arrived < count) {
            long left = giveUpAt - System.currentTimeMillis();
            if (left <= 0) {
                throw new AssertionError(arrived + " of " + count + " requests reached the held stub within "
                        + BOUND_MILLIS / 1000 + " s");
            }
            waitAtMost(left);
        }
    }

    /** Lets the answer to the {@code nth} request go, now or when it arrives. */
    public synchronized void release(int nth) {
        released.add(nth);
        notifyAll();
    }

    /** Lets every held answer, and any later one, go. */
    public synchronized void release() {
        releasedAll = true;
        notifyAll();
    }

    /** Lets every held answer, and any later one, go but the answer to the {@code nth} request. */
    public synchronized void releaseAllBut(int nth) {
        keptOnly = nth;
        notifyAll();
    }

    @Override
    public void close() {
        release();
        AnswerHooks.unregister(name);
    }

    private synchronized void holdAnswer() {
        int number = ++arrived;
        notifyAll();
        long giveUpAt = System.currentTimeMillis() + BOUND_MILLIS;
        while (!releasedAll && !released.contains(number) && (keptOnly == 0 || keptOnly == number)
                && System.currentTimeMillis() < giveUpAt) {
            waitAtMost(giveUpAt - System.currentTimeMillis());
        }
    }

    private void waitAtMost(long millis) {
        try {
            wait(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while holding or awaiting an answer", e);
        }
    }
}
