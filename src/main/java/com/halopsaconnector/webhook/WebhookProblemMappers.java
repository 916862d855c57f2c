package com.halopsaconnector.webhook;

import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.halopsaconnector.domain.FieldError;
import com.halopsaconnector.web.Problem;
import com.halopsaconnector.web.ProblemResponses;
import com.halopsaconnector.web.ProblemType;

/** Problem answers that only the webhook route gives. */
public class WebhookProblemMappers {

    static final String REALM = "Basic realm=\"halo-webhook\"";

    @ServerExceptionMapper
    public Response unauthenticated(WebhookUnauthenticatedException e) {
        return ProblemResponses.builder(Problem.of(ProblemType.WEBHOOK_UNAUTHENTICATED,
                        "This webhook needs the Basic authentication user name and password configured for it."))
                .header(HttpHeaders.WWW_AUTHENTICATE, REALM).build();
    }

    @ServerExceptionMapper
    public Response tooLarge(PayloadTooLargeException e) {
        return ProblemResponses.of(Problem.of(ProblemType.PAYLOAD_TOO_LARGE, e.getMessage(),
                List.of(new FieldError("body", e.bodyError()))));
    }
}
