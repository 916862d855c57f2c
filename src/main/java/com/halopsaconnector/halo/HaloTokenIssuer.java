package com.halopsaconnector.halo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.halopsaconnector.domain.HaloCredentials;

/** Gets a client-credentials token from Halo's Auth URL. */
@ApplicationScoped
public class HaloTokenIssuer {

    static final String DEFAULT_SCOPE = "all";
    static final String TARGET = "the Auth URL";
    /** Used only when Halo omits {@code expires_in}: short, so a wrong guess costs one extra token call. */
    private static final Duration FALLBACK_LIFETIME = Duration.ofMinutes(5);
    /** A longer {@code expires_in} is read as this: no Halo issues day-long tokens, and the time must not overflow. */
    private static final Duration LONGEST_LIFETIME = Duration.ofDays(1);
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

    @Inject
    HaloApiClients clients;

    @Inject
    HaloCallExecutor executor;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** Waits for Halo at most {@code maxWait}, or the configured timeouts when those are shorter. */
    public HaloAccessToken issue(HaloCredentials credentials, Duration maxWait) {
        Form form = new Form()
                .param("grant_type", "client_credentials")
                .param("client_id", credentials.clientId())
                .param("client_secret", credentials.clientSecret())
                .param("scope", credentials.scope() == null || credentials.scope().isBlank()
                        ? DEFAULT_SCOPE : credentials.scope());
        String tenant = credentials.hasHaloTenant() ? credentials.haloTenant() : null;
        try (HaloAuthApi api = clients.auth(credentials.authUrl(), maxWait);
             Response response = executor.execute(credentials.instance(), HaloApiClients.baseUri(credentials.authUrl()),
                     () -> api.requestToken(tenant, form))) {
            return toToken(response);
        }
    }

    private HaloAccessToken toToken(Response response) {
        int status = response.getStatus();
        if (status == 400 || status == 401) {
            throw new HaloCredentialsRejectedException("Halo refused the client id or secret"
                    + HaloErrorCode.from(errorBody(response)).map(code -> " (" + code + ")").orElse(""));
        }
        if (status != 200) {
            throw HaloStatus.unexpected(TARGET, status);
        }
        JsonNode body = HaloAnswerBody.tree(json, response, TARGET, HaloAnswer.TOKEN);
        String accessToken = body == null ? null : body.path("access_token").asText(null);
        if (accessToken == null || accessToken.isBlank()) {
            throw new HaloUnreachableException("The Auth URL answered without an access token; is it Halo's /auth URL?");
        }
        Duration lifetime = body.hasNonNull("expires_in") && body.get("expires_in").canConvertToLong()
                ? Duration.ofSeconds(Math.min(Math.max(0, body.get("expires_in").asLong()), LONGEST_LIFETIME.toSeconds()))
                : FALLBACK_LIFETIME;
        Duration usable = lifetime.compareTo(EXPIRY_MARGIN.multipliedBy(2)) > 0 ? lifetime.minus(EXPIRY_MARGIN) : lifetime;
        return new HaloAccessToken(accessToken, Instant.now(clock).plus(usable));
    }

    /** A refusal's body, only for its error code: one that cannot be read simply has none. */
    private JsonNode errorBody(Response response) {
        try {
            return HaloAnswerBody.tree(json, response, TARGET, HaloAnswer.TOKEN);
        } catch (HaloException unreadable) {
            return null;
        }
    }
}
