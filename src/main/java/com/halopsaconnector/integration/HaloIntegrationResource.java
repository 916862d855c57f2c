package com.halopsaconnector.integration;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.halopsaconnector.security.CurrentTenant;

import io.quarkus.security.Authenticated;

/** The config function's API: the platform UI's "Halo PSA" integration page calls these. */
@Path("/v1/integrations/halo")
@Produces(MediaType.APPLICATION_JSON)
public class HaloIntegrationResource {

    @Inject
    CurrentTenant tenant;

    @Inject
    SaveRequestParser parser;

    @Inject
    HaloConnectionService connections;

    @Inject
    WebhookUrls webhookUrls;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    /** Save And Sync: checks the credentials with Halo, then stores them. */
    @PUT
    @RolesAllowed(CurrentTenant.ADMIN_ROLE)
    @Consumes(MediaType.WILDCARD)
    public ConnectionView save(byte[] body) {
        return view(connections.save(tenant.id(), parser.parse(body)));
    }

    @POST
    @Path("/test")
    @RolesAllowed(CurrentTenant.ADMIN_ROLE)
    @Consumes(MediaType.WILDCARD)
    public Map<String, Boolean> test(byte[] body) {
        connections.test(tenant.id(), parser.parse(body));
        return Map.of("ok", true);
    }

    @GET
    @Authenticated
    public ConnectionView show() {
        return view(connections.find(tenant.id()));
    }

    @POST
    @Path("/rotate-webhook-url")
    @RolesAllowed(CurrentTenant.ADMIN_ROLE)
    public ConnectionView rotateWebhookUrl() {
        return view(connections.rotateCallbackToken(tenant.id()));
    }

    @DELETE
    @RolesAllowed(CurrentTenant.ADMIN_ROLE)
    public Response delete() {
        connections.delete(tenant.id());
        return Response.noContent().build();
    }

    private ConnectionView view(ConnectionWithToken saved) {
        return ConnectionView.of(saved.connection(), webhookUrls.forToken(saved.token(), uri, headers));
    }
}
