package com.halopsaconnector.web;

import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * One native binary is deployed as two functions; {@code connector.function} says which one this is
 * and every route of the other one answers 404 here, exactly as if it did not exist.
 */
public class FunctionRouteFilter {

    @Inject
    FunctionRole role;

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> hideOtherFunctionsRoutes(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (role.serves(path)) {
            return Optional.empty();
        }
        return Optional.of(ProblemResponses.of(ProblemType.NOT_FOUND, "No such resource."));
    }
}
