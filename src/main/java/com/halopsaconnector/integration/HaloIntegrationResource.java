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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import com.halopsaconnector.domain.Connection;
import com.halopsaconnector.domain.Deadline;
import com.halopsaconnector.domain.SyncState;
import com.halopsaconnector.security.CurrentTenant;
import com.halopsaconnector.store.StoreUnavailableException;
import com.halopsaconnector.sync.SyncAlreadyRunningException;
import com.halopsaconnector.sync.SyncConfig;
import com.halopsaconnector.sync.SyncRunner;
import com.halopsaconnector.web.Deadlines;
import com.halopsaconnector.web.NotFoundProblem;

import io.quarkus.security.Authenticated;

/** The config function's API: the platform UI's "Halo PSA" integration page calls these. */
@Path("/v1/integrations/halo")
@Tag(name = "Halo connection")
@Produces(MediaType.APPLICATION_JSON)
public class HaloIntegrationResource {

    private static final Logger LOG = Logger.getLogger(HaloIntegrationResource.class);

    @Inject
    CurrentTenant tenant;

    @Inject
    SaveRequestParser parser;

    @Inject
    HaloConnectionService connections;

    @Inject
    WebhookUrls webhookUrls;

    @Inject
    SyncRunner syncs;

    @Inject
    Deadlines deadlines;

    @Inject
    SyncConfig syncConfig;


    /**
     * Save And Sync: checks the credentials with Halo, stores them, then syncs for a few seconds;
     * background runs continue a sync that needs longer.
     */
    @Operation(summary = "Save And Sync", description = "Trims and checks the values, gets a Halo token and reads one row of "
            + "tickets, and only then stores the connection (the secret sealed with KMS); the callback token is made on the "
            + "first save and kept after. Then syncs tickets for up to 5 s; the schedule continues a longer sync.")
    @RequestBody(ref = "SaveRequest")
    @APIResponse(responseCode = "200", description = "Saved; the view with the webhook URL and the sync's progress.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ConnectionView.class), examples = @ExampleObject(name = "connection", ref = "ConnectionView")))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "ConcurrentUpdate")
    @APIResponse(responseCode = "422", ref = "HaloRefused")
    @APIResponse(responseCode = "502", ref = "HaloUnreachable")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @PUT
    @RolesAllowed(CurrentTenant.ADMIN_ROLE)
    @Consumes(MediaType.WILDCARD)
    public ConnectionView save(byte[] body) {
        Deadline deadline = deadlines.forRequest();
        ConnectionWithToken saved = connections.save(tenant.id(), parser.parse(body), deadline);
        SyncState sync = syncAfterSave(saved.connection(), deadline);
        return ConnectionView.of(saved.connection(), sync, webhookUrls.forToken(saved.token()));
    }

    /** Runs the tenant's sync now, within API Gateway's time; 409 while another run holds it. */
    @Operation(summary = "Run the ticket sync now", description = "Continues or starts the tenant's sync for up to 25 s "
            + "(API Gateway cuts at 29 s) and answers its state.")
    @APIResponse(responseCode = "200", description = "The sync state after this run.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SyncView.class),
            examples = @ExampleObject(name = "synced", ref = "SyncState")))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "SyncRunning")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @POST
    @Path("/sync")
    @RolesAllowed(CurrentTenant.ADMIN_ROLE)
    public SyncView sync() {
        return syncs.run(tenant.id(), deadlines.within(syncConfig.requestBudget())).map(SyncView::of)
                .orElseThrow(() -> new NotFoundProblem(HaloConnectionService.NO_CONNECTION));
    }

    @Operation(summary = "Test Halo credentials", description = "The same body and checks as Save And Sync; stores nothing. "
            + "Without clientSecret the stored one is tested.")
    @RequestBody(ref = "SaveRequest")
    @APIResponse(responseCode = "200", description = "Halo accepted the credentials and allows reading tickets.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Ok")))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "422", ref = "HaloRefused")
    @APIResponse(responseCode = "502", ref = "HaloUnreachable")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @POST
    @Path("/test")
    @RolesAllowed(CurrentTenant.ADMIN_ROLE)
    @Consumes(MediaType.WILDCARD)
    public Map<String, Boolean> test(byte[] body) {
        Deadline deadline = deadlines.forRequest();
        connections.test(tenant.id(), parser.parse(body), deadline);
        return Map.of("ok", true);
    }

    @Operation(summary = "Show the connection", description = "Any valid token of the tenant may read; the secret is masked.")
    @APIResponse(responseCode = "200", description = "The tenant's connection.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ConnectionView.class), examples = @ExampleObject(name = "connection", ref = "ConnectionView")))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @GET
    @Authenticated
    public ConnectionView show() {
        return view(connections.find(tenant.id()));
    }

    @Operation(summary = "Rotate the webhook URL", description = "Makes a new callback token; the old URL answers 404 at once.")
    @APIResponse(responseCode = "200", description = "The connection with its new webhook URL.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ConnectionView.class), examples = @ExampleObject(name = "connection", ref = "ConnectionView")))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "ConcurrentUpdate")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @POST
    @Path("/rotate-webhook-url")
    @RolesAllowed(CurrentTenant.ADMIN_ROLE)
    public ConnectionView rotateWebhookUrl() {
        return view(connections.rotateCallbackToken(tenant.id()));
    }

    @Operation(summary = "Disconnect", description = "Removes the credentials, the callback token and the sync state; "
            + "idempotent. Tickets already stored stay until a later save's first sync replaces them.")
    @APIResponse(responseCode = "204", description = "Removed, or there was nothing to remove.")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @DELETE
    @RolesAllowed(CurrentTenant.ADMIN_ROLE)
    public Response delete() {
        connections.delete(tenant.id());
        return Response.noContent().build();
    }

    /**
     * The save is stored whatever happens here: a sync that cannot run now is left to the schedule.
     * It gets the save budget, or what is left of the request's time when that is less.
     */
    private SyncState syncAfterSave(Connection saved, Deadline deadline) {
        try {
            return syncs.run(saved.tenant(), deadline.within(syncConfig.saveBudget())).orElse(saved.sync());
        } catch (SyncAlreadyRunningException busy) {
            return saved.sync();
        } catch (StoreUnavailableException e) {
            LOG.warnf("Sync after save postponed: %s", e.getMessage());
            return saved.sync();
        }
    }

    private ConnectionView view(ConnectionWithToken saved) {
        return ConnectionView.of(saved.connection(), webhookUrls.forToken(saved.token()));
    }
}
