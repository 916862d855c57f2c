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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.halopsaconnector.domain.CallbackTokenOwner;

/**
 * The webhook function's one route: Halo posts "Tickets Changed" deliveries here. The callback
 * token in the path is the credential. The body is taken as raw bytes so that its size and shape
 * are checked by us, whatever content type Halo declares.
 */
@Path("/v1/webhooks/halo/{callbackToken}")
@Tag(name = "Halo webhook")
public class HaloWebhookResource {

    @Inject
    WebhookAccessCheck access;

    @Inject
    DeliveryParser parser;

    @Inject
    DeliveryRecorder recorder;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Receive a Tickets Changed delivery", description = "Stores each event once (deduplicated by id) "
            + "and records the ticket it names as changed. Every other method on this path is 405.")
    @RequestBody(ref = "WebhookDelivery")
    @APIResponse(responseCode = "200", description = "Stored; repeated events are counted as duplicates.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DeliveryReceipt")))
    @APIResponse(responseCode = "400", ref = "NotADelivery")
    @APIResponse(responseCode = "401", ref = "WebhookUnauthenticated")
    @APIResponse(responseCode = "404", ref = "UnknownCallbackToken")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "503", ref = "WebhookStorageUnavailable")
    public Response receive(
            @Parameter(description = "The callback token from the webhook URL; it is the credential.")
            @PathParam("callbackToken") String callbackToken,
            @Parameter(description = "Basic auth, when the connection was saved with webhookAuth.")
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] body) {
        CallbackTokenOwner owner = access.ownerOf(callbackToken, authorization);
        DeliveryReceipt receipt = recorder.record(owner.tenant(), owner.epoch(), parser.parse(body));
        return Response.ok(receipt.asJson(), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
