package com.halopsaconnector.web;

import jakarta.ws.rs.core.Response;

/** Builds problem+json responses. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(ProblemType type, String detail) {
        return of(Problem.of(type, detail));
    }

    public static Response of(Problem problem) {
        return builder(problem).build();
    }

    public static Response.ResponseBuilder builder(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }
}
