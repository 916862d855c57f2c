package com.halopsaconnector.sync;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import com.halopsaconnector.web.LambdaInvocation;

/** The deadline of a sync run within the current request: its budget, cut short by Lambda's own deadline. */
@RequestScoped
public class SyncDeadlines {

    @Inject
    LambdaInvocation invocation;

    @Inject
    SyncConfig config;

    @Inject
    Clock clock;

    public SyncDeadline within(Duration budget) {
        Duration allowed = invocation.remainingTime()
                .map(remaining -> remaining.minus(config.invocationMargin()))
                .filter(left -> left.compareTo(budget) < 0)
                .orElse(budget);
        return SyncDeadline.after(allowed.isNegative() ? Duration.ZERO : allowed, clock);
    }

    /** A scheduled invocation may use all of Lambda's time but the margin. */
    public SyncDeadline forScheduledRun(Duration whenUnknown) {
        return SyncDeadline.after(invocation.remainingTime()
                .map(remaining -> remaining.minus(config.invocationMargin()))
                .filter(left -> !left.isNegative())
                .orElse(whenUnknown), clock);
    }
}
