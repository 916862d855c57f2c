package com.halopsaconnector.web;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.halopsaconnector.domain.Deadline;

/**
 * The deadlines of the current invocation. Each is its budget, cut short by Lambda's own end minus
 * {@code connector.invocation-margin} (kept free to commit and answer). The request's deadline is
 * fixed when it is first asked for (at the start of the resource method): API Gateway gives up after
 * 29 s, and the 25 s default of {@code connector.request.budget} leaves time to commit and answer.
 */
@RequestScoped
public class Deadlines {

    @Inject
    LambdaInvocation invocation;

    @ConfigProperty(name = "connector.request.budget")
    Duration requestBudget;

    @ConfigProperty(name = "connector.invocation-margin")
    Duration invocationMargin;

    @Inject
    Clock clock;

    private Deadline request;

    /** The one deadline of the current API request. */
    public Deadline forRequest() {
        if (request == null) {
            request = within(requestBudget);
        }
        return request;
    }

    /** {@code budget} from now, or Lambda's end minus the margin when that comes sooner. */
    public Deadline within(Duration budget) {
        Duration allowed = invocation.remainingTime()
                .map(remaining -> remaining.minus(invocationMargin))
                .filter(left -> left.compareTo(budget) < 0)
                .orElse(budget);
        return Deadline.after(allowed.isNegative() ? Duration.ZERO : allowed, clock);
    }

    /** All of Lambda's time but the margin; {@code whenUnknown} when the runtime reports no deadline (local runs). */
    public Deadline forWholeInvocation(Duration whenUnknown) {
        Duration allowed = invocation.remainingTime().map(remaining -> remaining.minus(invocationMargin)).orElse(whenUnknown);
        return Deadline.after(allowed.isNegative() ? Duration.ZERO : allowed, clock);
    }
}
