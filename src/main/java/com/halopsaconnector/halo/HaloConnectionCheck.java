package com.halopsaconnector.halo;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.halopsaconnector.domain.HaloCredentials;

/**
 * Proves credentials work end to end: a token, then one row of {@code GET /Tickets}. A 401 on the
 * probe gets one fresh token before giving up.
 */
@ApplicationScoped
public class HaloConnectionCheck {

    @Inject
    HaloTokenIssuer tokens;

    @Inject
    HaloHttp http;

    @Inject
    HaloCallExecutor executor;

    /** @return the token that worked, for the caller to keep */
    public HaloAccessToken verify(HaloCredentials credentials) {
        HaloAccessToken token = tokens.issue(credentials);
        int status = probe(credentials, token);
        if (status == 401) {
            token = tokens.issue(credentials);
            status = probe(credentials, token);
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

    private int probe(HaloCredentials credentials, HaloAccessToken token) {
        Map<String, Object> onePage = new LinkedHashMap<>();
        onePage.put("pageinate", true);
        onePage.put("page_size", 1);
        onePage.put("page_no", 1);
        HaloRequest request = HaloRequest.get(HaloRequest.target(credentials.resourceUrl(), "/Tickets",
                FormEncoding.encode(onePage)),
                token.authorizationHeader(), ChronoUnit.FOREVER.getDuration());
        return executor.execute(credentials.instance(), () -> http.send(request)).status();
    }
}
