package com.halopsaconnector.lambdaruntime;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.halopsaconnector.testsupport.FakeHalo;
import com.halopsaconnector.testsupport.TemplateSchedule;
import com.halopsaconnector.testsupport.TestTokens;

/** The platform's and Halo's calls to the functions, as API Gateway events. */
public final class ConnectorCalls {

    public static final String CONFIG_PATH = "/v1/integrations/halo";
    public static final String WEBHOOK_ROUTE = "/v1/webhooks/halo/{callbackToken}";

    private final String tenant;
    private final String adminJwt;

    public ConnectorCalls(String tenant) {
        this.tenant = tenant;
        this.adminJwt = TestTokens.admin(tenant);
    }

    public String tenant() {
        return tenant;
    }

    public HttpApiEvent save(FakeHalo halo, String webhookAuthJson) {
        return save(halo.authUrl(), halo.resourceUrl(), webhookAuthJson);
    }

    public HttpApiEvent save(String authUrl, String resourceUrl, String webhookAuthJson) {
        String body = """
                {"authUrl":"%s","resourceUrl":"%s","tenant":"acme","clientId":"client-1","clientSecret":"a-client-secret-0001"%s}"""
                .formatted(authUrl, resourceUrl, webhookAuthJson == null ? "" : ",\"webhookAuth\":" + webhookAuthJson);
        return HttpApiEvent.of("PUT", CONFIG_PATH).bearer(adminJwt).json(body);
    }

    public HttpApiEvent view() {
        return HttpApiEvent.of("GET", CONFIG_PATH).bearer(adminJwt);
    }

    public HttpApiEvent test(FakeHalo halo) {
        return HttpApiEvent.of("POST", CONFIG_PATH + "/test").bearer(adminJwt).json("""
                {"authUrl":"%s","resourceUrl":"%s","tenant":"acme","clientId":"client-1"}""".formatted(halo.authUrl(), halo.resourceUrl()));
    }

    public HttpApiEvent sync() {
        return HttpApiEvent.of("POST", CONFIG_PATH + "/sync").bearer(adminJwt);
    }

    public HttpApiEvent rotate() {
        return HttpApiEvent.of("POST", CONFIG_PATH + "/rotate-webhook-url").bearer(adminJwt);
    }

    public HttpApiEvent disconnect() {
        return HttpApiEvent.of("DELETE", CONFIG_PATH).bearer(adminJwt);
    }

    /** The schedule's event, exactly as template.yaml gives it to EventBridge (not an API Gateway event). */
    public static String scheduledSync() {
        return TemplateSchedule.scheduledSyncEvent();
    }

    /** A Halo delivery of {@code body} to the callback URL the config API showed. */
    public static HttpApiEvent delivery(String webhookUrl, String body) {
        return HttpApiEvent.of("POST", webhookUrl.substring(webhookUrl.indexOf("/v1/")), WEBHOOK_ROUTE).json(body);
    }

    /** A time {@code minutesAgo} before now, as Halo writes ticket times (UTC, no zone). */
    public static String haloTime(int minutesAgo) {
        return Instant.now().minus(Duration.ofMinutes(minutesAgo)).truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", "");
    }

    /** A "full object" event with a fresh id. */
    public static String fullEvent(int ticketId, String lastUpdate, String summary) {
        return """
                {"id":"%s","webhook_id":"wh-1","event":"ticket updated","object_id":%d,"timestamp":"%s",\
                "ticket":{"id":%d,"summary":"%s","status_id":2,"last_update":"%s"}}"""
                .formatted(UUID.randomUUID(), ticketId, lastUpdate, ticketId, summary, lastUpdate);
    }

    /** An "event information only" event with a fresh id; {@code timestamp} as {@link #haloTime}. */
    public static String eventOnly(int ticketId, String timestamp) {
        return """
                {"id":"%s","webhook_id":"wh-1","event":"ticket updated","object_id":"%d","timestamp":"%sZ"}"""
                .formatted(UUID.randomUUID(), ticketId, timestamp);
    }
}
