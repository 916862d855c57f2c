package com.halopsaconnector.webhook;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The webhook function's one route: Halo posts "Tickets Changed" deliveries here. The callback
 * token in the path is the credential. The body is taken as raw bytes so that its size and shape
 * are checked by us, whatever content type Halo declares.
 */
@Path("/v1/webhooks/halo/{callbackToken}")
public class HaloWebhookResource {

    @Inject
    WebhookAccessCheck access;

    @Inject
    DeliveryParser parser;

    @Inject
    DeliveryRecorder recorder;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response receive(@PathParam("callbackToken") String callbackToken,
                            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] body) {
        String tenant = access.tenantFor(callbackToken, authorization);
        DeliveryReceipt receipt = recorder.record(tenant, parser.parse(body));
        return Response.ok(receipt.asJson(), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
