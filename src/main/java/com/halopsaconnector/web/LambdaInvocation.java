package com.halopsaconnector.web;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import io.quarkus.vertx.http.runtime.QuarkusHttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** What the Lambda runtime tells about the invocation behind the current request. */
@RequestScoped
public class LambdaInvocation {

    /** Longer than any Lambda may run: a runtime that reports more has not set a deadline. */
    private static final Duration LONGEST_INVOCATION = Duration.ofMinutes(15);

    @Inject
    RoutingContext routing;

    /** Time left before Lambda ends the invocation; empty outside Lambda or when unknown. */
    public Optional<Duration> remainingTime() {
        Context context = contextObject(Context.class);
        if (context == null) {
            return Optional.empty();
        }
        Duration remaining = Duration.ofMillis(context.getRemainingTimeInMillis());
        return remaining.isNegative() || remaining.isZero() || remaining.compareTo(LONGEST_INVOCATION) > 0
                ? Optional.empty() : Optional.of(remaining);
    }

    /** API Gateway always names its API in the event; the schedule's event does not. */
    public boolean cameThroughApiGateway() {
        APIGatewayV2HTTPEvent event = contextObject(APIGatewayV2HTTPEvent.class);
        return event == null || event.getRequestContext() == null || event.getRequestContext().getApiId() != null;
    }

    private <T> T contextObject(Class<T> type) {
        if (routing != null && routing.request().headers() instanceof QuarkusHttpHeaders headers) {
            return headers.getContextObject(type);
        }
        return null;
    }
}
