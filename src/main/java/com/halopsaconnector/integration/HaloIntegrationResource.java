package com.halopsaconnector.integration;

import java.time.Duration;
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

import org.jboss.logging.Logger;

import com.halopsaconnector.domain.Connection;
import com.halopsaconnector.domain.RequestDeadline;
import com.halopsaconnector.domain.SyncState;
import com.halopsaconnector.security.CurrentTenant;
import com.halopsaconnector.store.StoreUnavailableException;
import com.halopsaconnector.sync.SyncAlreadyRunningException;
import com.halopsaconnector.sync.SyncConfig;
import com.halopsaconnector.sync.SyncDeadlines;
import com.halopsaconnector.sync.SyncRunner;
import com.halopsaconnector.web.NotFoundProblem;
import com.halopsaconnector.web.RequestDeadlines;

import io.quarkus.security.Authenticated;

/** The config function's API: the platform UI's "Halo PSA" integration page calls these. */
@Path("/v1/integrations/halo")
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
    SyncDeadlines deadlines;

    @Inject
    SyncConfig syncConfig;

    @Inject
    RequestDeadlines requestDeadlines;

    /**
     * Save And Sync: checks the credentials with Halo, stores them, then syncs for a few seconds;
     * background runs continue a sync that needs longer.
     */
    @PUT
    @RolesAllowed(CurrentTenant.ADMIN_ROLE)
    @Consumes(MediaType.WILDCARD)
    public ConnectionView save(byte[] body) {
        RequestDeadline deadline = requestDeadlines.current();
        ConnectionWithToken saved = connections.save(tenant.id(), parser.parse(body), deadline);
        SyncState sync = syncAfterSave(saved.connection(), deadline);
        return ConnectionView.of(saved.connection(), sync, webhookUrls.forToken(saved.token()));
    }

    /** Runs the tenant's sync now, within API Gateway's time; 409 while another run holds it. */
    @POST
    @Path("/sync")
    @RolesAllowed(CurrentTenant.ADMIN_ROLE)
    public SyncView sync() {
        return syncs.run(tenant.id(), deadlines.within(syncConfig.requestBudget())).map(SyncView::of)
                .orElseThrow(() -> new NotFoundProblem(HaloConnectionService.NO_CONNECTION));
    }

    @POST
    @Path("/test")
    @RolesAllowed(CurrentTenant.ADMIN_ROLE)
    @Consumes(MediaType.WILDCARD)
    public Map<String, Boolean> test(byte[] body) {
        RequestDeadline deadline = requestDeadlines.current();
        connections.test(tenant.id(), parser.parse(body), deadline);
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

    /**
     * The save is stored whatever happens here: a sync that cannot run now is left to the schedule.
     * It gets the save budget, or what is left of the request's time when that is less.
     */
    private SyncState syncAfterSave(Connection saved, RequestDeadline deadline) {
        Duration budget = deadline.remaining().compareTo(syncConfig.saveBudget()) < 0
                ? deadline.remaining() : syncConfig.saveBudget();
        try {
            return syncs.run(saved.tenant(), deadlines.within(budget)).orElse(saved.sync());
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
