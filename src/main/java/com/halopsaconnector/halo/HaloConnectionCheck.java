package com.halopsaconnector.halo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import com.halopsaconnector.domain.Deadline;
import com.halopsaconnector.domain.HaloCredentials;

/**
 * Proves credentials work end to end: a token, then one row of {@code GET /Tickets}. A 401 on the
 * probe gets one fresh token before giving up. Every call waits at most until the request's deadline.
 */
@ApplicationScoped
public class HaloConnectionCheck {

    @Inject
    HaloTokenIssuer tokens;

    @Inject
    HaloApiClients clients;

    @Inject
    HaloCallExecutor executor;

    /** @return the token that worked, for the caller to keep */
    public HaloAccessToken verify(HaloCredentials credentials, Deadline deadline) {
        HaloAccessToken token = issue(credentials, deadline);
        int status = probe(credentials, token, deadline);
        if (status == 401) {
            token = issue(credentials, deadline);
            status = probe(credentials, token, deadline);
        }
        if (status == 401) {
            throw new HaloCredentialsRejectedException("Halo issued a token but then refused it on /Tickets");
        }
        if (status == 403) {
            throw new HaloPermissionDeniedException(
                    "The Halo API application's agent may not read tickets; give it the 'read:tickets' permission");
        }
        if (status < 200 || status >= 300) {
            throw HaloStatus.unexpected("the Resource URL", status);
        }
        return token;
    }

    private HaloAccessToken issue(HaloCredentials credentials, Deadline deadline) {
        deadline.requireTimeLeft();
        return tokens.issue(credentials, deadline.remaining());
    }

    private int probe(HaloCredentials credentials, HaloAccessToken token, Deadline deadline) {
        deadline.requireTimeLeft();
        try (HaloTicketsApi api = clients.tickets(credentials.resourceUrl(), deadline.remaining());
             Response response = executor.execute(credentials.instance(), HaloApiClients.baseUri(credentials.resourceUrl()),
                     () -> api.page(token.authorizationHeader(), true, 1, 1))) {
            return response.getStatus();
        }
    }
}
