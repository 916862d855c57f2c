package com.halopsaconnector.web;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.halopsaconnector.domain.RequestDeadline;

/**
 * The one deadline of the current request, fixed when it is first asked for (at the start of the
 * resource method): {@code connector.request.budget} after that, or earlier when Lambda's own end
 * comes sooner. API Gateway gives up after 29 s; the 25 s default leaves time to commit and answer.
 */
@RequestScoped
public class RequestDeadlines {

    @Inject
    LambdaInvocation invocation;

    @ConfigProperty(name = "connector.request.budget")
    Duration budget;

    @ConfigProperty(name = "connector.request.invocation-margin")
    Duration invocationMargin;

    @Inject
    Clock clock;

    private RequestDeadline deadline;

    public RequestDeadline current() {
        if (deadline == null) {
            Duration allowed = invocation.remainingTime()
                    .map(remaining -> remaining.minus(invocationMargin))
                    .filter(left -> left.compareTo(budget) < 0)
                    .orElse(budget);
            deadline = RequestDeadline.after(allowed.isNegative() ? Duration.ZERO : allowed, clock);
        }
        return deadline;
    }
}
