package com.halopsaconnector.halo;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import javax.net.ssl.SSLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs one call to Halo: backs off on 429 (honouring {@code Retry-After} up to a cap that keeps us
 * inside API Gateway's 29 s) and turns transport failures into {@link HaloUnreachableException}.
 */
@ApplicationScoped
public class HaloCallExecutor {

    static final int MAX_ATTEMPTS = 3;
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

    @ConfigProperty(name = "connector.halo.max-retry-after")
    Duration maxRetryAfter;

    /** @param target what is being called, for messages: e.g. "the Auth URL" */
    public Response execute(String target, Supplier<Response> call) {
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; ; attempt++) {
            Response response = send(target, call);
            if (response.getStatus() != 429) {
                return response;
            }
            Duration wait = RetryAfter.parse(response.getHeaderString("Retry-After")).orElse(backoff);
            response.close();
            if (attempt == MAX_ATTEMPTS || wait.compareTo(maxRetryAfter) > 0) {
                throw new HaloRateLimitedException(wait);
            }
            sleep(wait);
            backoff = backoff.multipliedBy(2);
        }
    }

    // TEMPORARY until the request-budget branch lands: same as execute(target, call).
    public Response execute(String instance, String target, Supplier<Response> call) {
        return execute(target, call);
    }

    private static Response send(String target, Supplier<Response> call) {
        try {
            return call.get();
        } catch (ProcessingException e) {
            throw new HaloUnreachableException("Halo could not be reached at " + target + ": " + reason(e), e);
        }
    }

    private static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException) {
                return "the host name does not resolve";
            }
            if (cause instanceof SSLException) {
                return "the TLS handshake failed";
            }
            if (cause instanceof ConnectException) {
                return "the connection was refused";
            }
            if (cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
                return "the request timed out";
            }
        }
        return "the connection failed";
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HaloRateLimitedException(wait);
        }
    }
}
