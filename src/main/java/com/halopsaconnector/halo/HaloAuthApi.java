package com.halopsaconnector.halo;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Halo's OAuth token endpoint, {@code POST {authUrl}/token}. Built per connection by {@link HaloApiClients}. */
public interface HaloAuthApi extends AutoCloseable {

    /** {@code tenant} null leaves the query parameter out, as on-premise Halo expects. */
    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Response requestToken(@QueryParam("tenant") String tenant, Form form);

    @Override
    void close();
}
