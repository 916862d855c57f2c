package com.halopsaconnector.webhook;

import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.halopsaconnector.web.Problem;
import com.halopsaconnector.web.ProblemResponses;
import com.halopsaconnector.web.ProblemType;

/**
 * Answers every method but POST on the webhook route with 405 and {@code Allow: POST}. JAX-RS alone
 * would answer OPTIONS with 200 and leave out the Allow header. Runs after the function filter, so
 * the config deployment still answers 404 here.
 */
public class WebhookMethodFilter {

    private static final Pattern WEBHOOK_ROUTE = Pattern.compile("/?v1/webhooks/halo/[^/]+/?");

    @ServerRequestFilter(preMatching = true, priority = Priorities.USER + 100)
    public Optional<Response> onlyPost(ContainerRequestContext request) {
        if (HttpMethod.POST.equals(request.getMethod())
                || !WEBHOOK_ROUTE.matcher(request.getUriInfo().getPath()).matches()) {
            return Optional.empty();
        }
        return Optional.of(ProblemResponses.builder(Problem.of(ProblemType.METHOD_NOT_ALLOWED,
                        "Halo delivers webhooks with POST; no other method is allowed here."))
                .header(HttpHeaders.ALLOW, HttpMethod.POST).build());
    }
}
