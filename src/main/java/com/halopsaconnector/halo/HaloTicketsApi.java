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
     * The ticket list with Halo's filters; a null parameter is left out of the query.
     * {@code lastupdatefromdate} is UTC without a zone, as Halo expects; {@code order} names the
     * field to order by; {@code ticketidonly} answers only id fields, and is not paged by Halo;
     * {@code ticketids} (a comma list) answers only those tickets.
     */
    @GET
    @Path("/Tickets")
    Response search(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
                    @QueryParam("pageinate") Boolean paginate,
                    @QueryParam("page_size") Integer pageSize,
                    @QueryParam("page_no") Integer pageNo,
                    @QueryParam("open_only") Boolean openOnly,
                    @QueryParam("closed_only") Boolean closedOnly,
                    @QueryParam("includeclosed") Boolean includeClosed,
                    @QueryParam("lastupdatefromdate") String lastUpdateFrom,
                    @QueryParam("order") String order,
                    @QueryParam("orderdesc") Boolean orderDescending,
                    @QueryParam("ticketidonly") Boolean idsOnly,
                    @QueryParam("ticketids") String ticketIds);

    @GET
    @Path("/Tickets/{id}")
    Response one(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") String id);

    @Override
    void close();
}
