package com.halopsaconnector.halo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.halopsaconnector.domain.HaloCredentials;

/** Gets a client-credentials token from Halo's Auth URL. */
@ApplicationScoped
public class HaloTokenIssuer {

    static final String DEFAULT_SCOPE = "all";
    /** Used only when Halo omits {@code expires_in}: short, so a wrong guess costs one extra token call. */
    private static final Duration FALLBACK_LIFETIME = Duration.ofMinutes(5);
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

    @Inject
    HaloHttp http;

    @Inject
    HaloCallExecutor executor;

    @Inject
    ObjectMapper json;

    Clock clock = Clock.systemUTC();

    /** Waits for Halo at most the configured timeouts. */
    public HaloAccessToken issue(HaloCredentials credentials) {
        return issue(credentials, ChronoUnit.FOREVER.getDuration());
    }

    /** Waits for Halo at most {@code maxWait}, or the configured timeouts when those are shorter. */
    public HaloAccessToken issue(HaloCredentials credentials, Duration maxWait) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", credentials.clientId());
        form.put("client_secret", credentials.clientSecret());
        form.put("scope", credentials.scope() == null || credentials.scope().isBlank() ? DEFAULT_SCOPE : credentials.scope());
        Map<String, String> query = new LinkedHashMap<>();
        query.put("tenant", credentials.hasHaloTenant() ? credentials.haloTenant() : null);
        HaloRequest request = HaloRequest.postForm(
                HaloRequest.target(credentials.authUrl(), "/token", FormEncoding.encode(query)),
                FormEncoding.encode(form), maxWait);
        return toToken(executor.execute(credentials.instance(), () -> http.send(request)));
    }

    private HaloAccessToken toToken(HaloReply reply) {
        int status = reply.status();
        if (status == 400 || status == 401) {
            throw new HaloCredentialsRejectedException("Halo refused the client id or secret"
                    + HaloErrorCode.from(readJson(reply)).map(code -> " (" + code + ")").orElse(""));
        }
        if (status != 200) {
            throw HaloStatus.unexpected("the Auth URL", status);
        }
        JsonNode body = readJson(reply);
        String accessToken = body == null ? null : body.path("access_token").asText(null);
        if (accessToken == null || accessToken.isBlank()) {
            throw new HaloUnreachableException("The Auth URL answered without an access token; is it Halo's /auth URL?");
        }
        Duration lifetime = body.hasNonNull("expires_in") && body.get("expires_in").canConvertToLong()
                ? Duration.ofSeconds(body.get("expires_in").asLong()) : FALLBACK_LIFETIME;
        Duration usable = lifetime.compareTo(EXPIRY_MARGIN.multipliedBy(2)) > 0 ? lifetime.minus(EXPIRY_MARGIN) : lifetime;
        return new HaloAccessToken(accessToken, Instant.now(clock).plus(usable));
    }

    private JsonNode readJson(HaloReply reply) {
        try {
            String text = reply.body();
            return text == null || text.isBlank() ? null : json.readTree(text);
        } catch (Exception notJson) {
            return null;
        }
    }
}
