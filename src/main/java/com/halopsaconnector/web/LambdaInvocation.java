package com.halopsaconnector.web;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

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
    private static final Pattern HOST_NAME =
            Pattern.compile("(?i)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");

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

    /**
     * The domain name API Gateway received the request on ({@code requestContext.domainName}): its
     * own {@code execute-api} name or a custom domain mapped to the API. API Gateway sets it, so a
     * client cannot choose it the way it chooses a Host or X-Forwarded-Host header. Empty outside
     * API Gateway (e.g. the local mock event server) or when it is not a plain host name.
     */
    public Optional<String> apiGatewayDomainName() {
        APIGatewayV2HTTPEvent event = contextObject(APIGatewayV2HTTPEvent.class);
        if (event == null || event.getRequestContext() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(event.getRequestContext().getDomainName())
                .filter(name -> HOST_NAME.matcher(name).matches());
    }

    private <T> T contextObject(Class<T> type) {
        if (routing != null && routing.request().headers() instanceof QuarkusHttpHeaders headers) {
            return headers.getContextObject(type);
        }
        return null;
    }
}
