package com.halopsaconnector.halo;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Halo's ticket resources under {@code {resourceUrl}}. Built per connection by {@link HaloApiClients}. */
@Produces(MediaType.APPLICATION_JSON)
public interface HaloTicketsApi extends AutoCloseable {

    /** {@code pageinate} is Halo's own spelling. Pages count from 1. */
    @GET
    @Path("/Tickets")
    Response page(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
                  @QueryParam("pageinate") boolean paginate,
                  @QueryParam("page_size") int pageSize,
                  @QueryParam("page_no") int pageNo);

    /**
     * A page of tickets matching Halo's list filters; a null filter is left out of the query.
     * {@code lastupdatefromdate} is UTC without a zone, as Halo expects.
     */
    @GET
    @Path("/Tickets")
    Response search(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
                    @QueryParam("pageinate") boolean paginate,
                    @QueryParam("page_size") int pageSize,
                    @QueryParam("page_no") int pageNo,
                    @QueryParam("open_only") Boolean openOnly,
                    @QueryParam("closed_only") Boolean closedOnly,
                    @QueryParam("includeclosed") Boolean includeClosed,
                    @QueryParam("lastupdatefromdate") String lastUpdateFrom);

    @GET
    @Path("/Tickets/{id}")
    Response one(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") String id);

    @Override
    void close();
}
