package com.halopsaconnector.web;

import java.util.UUID;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.amazonaws.services.lambda.runtime.Context;

import io.quarkus.vertx.http.runtime.QuarkusHttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** Puts the Lambda request id on every log line of the request (the tenant is added once known). */
public class RequestLogContext {

    public static final String REQUEST_ID = "requestId";
    public static final String TENANT = "tenant";

    @ServerRequestFilter(preMatching = true, priority = 1)
    public void start(RoutingContext routing) {
        MDC.remove(TENANT);
        MDC.put(REQUEST_ID, lambdaRequestId(routing));
    }

    @ServerResponseFilter
    public void finish() {
        MDC.remove(TENANT);
        MDC.remove(REQUEST_ID);
    }

    private static String lambdaRequestId(RoutingContext routing) {
        if (routing != null && routing.request().headers() instanceof QuarkusHttpHeaders headers) {
            Context lambda = headers.getContextObject(Context.class);
            if (lambda != null && lambda.getAwsRequestId() != null) {
                return lambda.getAwsRequestId();
            }
        }
        return UUID.randomUUID().toString();
    }
}
