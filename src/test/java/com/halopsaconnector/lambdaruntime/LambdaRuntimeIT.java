package com.halopsaconnector.lambdaruntime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.halopsaconnector.testsupport.FakeHalo;
import com.halopsaconnector.testsupport.HostileHalo;
import com.halopsaconnector.testsupport.HostileHalo.Answer;

/**
 * The packaged JVM functions (target/function-jvm.zip, built by infra/package/jvm.sh in
 * pre-integration-test) started as Lambda starts them: unpacked, {@code bootstrap} run with Lambda's
 * environment, AWS's runtime interface client polling a Runtime API served here, API Gateway
 * payload-2.0 events in. The config function saves against a WireMock Halo; the webhook function,
 * another process, takes a delivery to the URL the save returned; the config function's view shows it.
 */
class LambdaRuntimeIT {

    static final Path WORK = Path.of("target", "lambda-runtime-it");

    static LoopbackDeployment deployment;
    static FakeHalo halo;
    static JvmPackage jvmPackage;
    static LambdaFunction config;
    static LambdaFunction webhook;
    static Path webhookClassLog;

    @BeforeAll
    static void startFunctions() throws Exception {
        Path root = WORK.resolve(UUID.randomUUID().toString());
        jvmPackage = JvmPackage.unzip(JvmPackage.ZIP, root.resolve("task"));
        deployment = LoopbackDeployment.createOnOwnStore();
        halo = FakeHalo.start();
        halo.openTickets(30, ConnectorCalls.haloTime(60));
        config = jvmPackage.start(jvmPackage.bootstrap(), deployment.environment("config"), root.resolve("config.log"));
        webhookClassLog = root.resolve("webhook-classes.log").toAbsolutePath();
        Map<String, String> webhookEnvironment = new LinkedHashMap<>(deployment.environment("webhook"));
        webhookEnvironment.put("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + webhookClassLog);
        webhook = jvmPackage.start(jvmPackage.bootstrap(), webhookEnvironment, root.resolve("webhook.log"));
    }

    @AfterAll
    static void stopFunctions() {
        for (AutoCloseable running : new AutoCloseable[] {webhook, config, halo, deployment}) {
            try {
                if (running != null) {
                    running.close();
                }
            } catch (Exception e) {
                // keep stopping the rest
            }
        }
    }

    @Test
    void saveDeliverAndView_throughTheRuntimeInterfaceClient() throws Exception {
        ConnectorCalls platform = new ConnectorCalls("tenant-it-" + UUID.randomUUID());

        HttpApiEvent.Response saved = config.call(platform.save(halo, null));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.headers().get("content-type")).startsWith("application/json");
        String webhookUrl = saved.bodyJson().path("webhookUrl").asText();
        assertThat(webhookUrl).startsWith("https://" + HttpApiEvent.DOMAIN + "/v1/webhooks/halo/");
        assertThat(saved.body()).doesNotContain("a-client-secret-0001");

        HttpApiEvent.Response delivered = webhook.call(ConnectorCalls.delivery(webhookUrl,
                ConnectorCalls.fullEvent(4242, ConnectorCalls.haloTime(2), "Printer on fire")));
        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
        assertThat(delivered.bodyJson().path("received").asInt()).isEqualTo(1);

        HttpApiEvent.Response view = config.call(platform.view());
        assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
        JsonNode connection = view.bodyJson();
        assertThat(connection.path("webhooksReceived").asInt()).as(view.body()).isEqualTo(1);
        assertThat(connection.path("lastWebhookAt").isTextual()).as(view.body()).isTrue();
        assertThat(connection.path("sync").path("ticketsSynced").asInt()).as(view.body()).isEqualTo(30);
    }

    @Test
    void refusals_comeBackAsProblems_throughTheRuntimeInterfaceClient() {
        HttpApiEvent.Response unauthenticated = config.call(HttpApiEvent.of("GET", ConnectorCalls.CONFIG_PATH));
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(unauthenticated.headers().get("content-type")).startsWith("application/problem+json");

        HttpApiEvent.Response unknownToken = webhook.call(ConnectorCalls.delivery(
                "https://" + HttpApiEvent.DOMAIN + "/v1/webhooks/halo/" + "x".repeat(43), ConnectorCalls.eventOnly(1, ConnectorCalls.haloTime(1))));
        assertThat(unknownToken.statusCode()).isEqualTo(404);

        HttpApiEvent.Response configRouteOnWebhook = webhook.call(new ConnectorCalls("tenant-it-other").view());
        assertThat(configRouteOnWebhook.statusCode()).isEqualTo(404);
    }

    /**
     * A Halo whose answers never end, against the packaged config function with the heap Lambda gives
     * it at 256 MB: the token, a page and a stale ticket are each cut at their cap, every call is
     * answered in time, and the same process answers the next one.
     */
    @Test
    void endlessHaloAnswers_withTheHeapAsAt256MB_areRefusedInTime_andTheFunctionGoesOn() {
        ConnectorCalls platform = new ConnectorCalls("tenant-it-hostile-" + UUID.randomUUID());
        try (HostileHalo hostile = HostileHalo.start()) {
            HttpApiEvent save = platform.save(hostile.authUrl(), hostile.resourceUrl(), null);

            hostile.tokens(Answer.ENDLESS);
            HttpApiEvent.Response endlessToken = timedCall(save);
            assertThat(endlessToken.statusCode()).as(endlessToken.body()).isEqualTo(502);
            assertThat(endlessToken.bodyJson().path("type").asText()).endsWith("/halo-answer-too-large");
            assertThat(timedCall(platform.view()).statusCode()).isEqualTo(404);

            hostile.tokens(Answer.NORMAL).pages(Answer.ENDLESS);
            HttpApiEvent.Response endlessPage = timedCall(save);
            assertThat(endlessPage.statusCode()).as(endlessPage.body()).isEqualTo(200);
            assertThat(endlessPage.bodyJson().path("sync").path("state").asText()).isEqualTo("failed");
            assertThat(timedCall(platform.sync()).bodyJson().path("state").asText()).isEqualTo("failed");

            hostile.pages(Answer.NORMAL);
            assertThat(timedCall(platform.sync()).bodyJson().path("complete").asBoolean()).isTrue();
            String webhookUrl = timedCall(platform.view()).bodyJson().path("webhookUrl").asText();
            assertThat(webhook.call(ConnectorCalls.delivery(webhookUrl, ConnectorCalls.eventOnly(5, ConnectorCalls.haloTime(1))))
                    .statusCode()).isEqualTo(200);
            hostile.tickets(Answer.ENDLESS);
            HttpApiEvent.Response endlessTicket = timedCall(platform.sync());
            assertThat(endlessTicket.statusCode()).as(endlessTicket.body()).isEqualTo(200);
            assertThat(endlessTicket.bodyJson().path("failedTickets").path(0).path("ticketId").asText())
                    .as(endlessTicket.body()).isEqualTo("5");

            HttpApiEvent.Response after = timedCall(platform.view());
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(after.bodyJson().path("sync").path("failedTickets").path(0).path("error").asText()).contains("larger than");
        }
        assertThat(config.logTail()).doesNotContain("OutOfMemoryError");
    }

    /** API Gateway gives up on the function after 29 s; every answer here must come before. */
    private static HttpApiEvent.Response timedCall(HttpApiEvent event) {
        long start = System.nanoTime();
        HttpApiEvent.Response response = config.call(event);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(29));
        return response;
    }

    @Test
    void bootstrap_refusesAStackDeployedForTheNativeExecutable() throws Exception {
        Path log = WORK.resolve("mismatch-" + UUID.randomUUID() + ".log");
        try (LambdaFunction mismatched = jvmPackage.start(jvmPackage.bootstrap(), Map.of("CONNECTOR_PACKAGING", "native"), log)) {
            assertThat(mismatched.waitForExit(Duration.ofSeconds(60))).isEqualTo(1);
        }
        assertThat(Files.readString(log)).contains("deployed with Packaging=native");
    }

    @Test
    void webhookFunction_startsFromTheAotCache() throws Exception {
        webhook.call(ConnectorCalls.delivery("https://" + HttpApiEvent.DOMAIN + "/v1/webhooks/halo/" + "y".repeat(43),
                ConnectorCalls.eventOnly(2, ConnectorCalls.haloTime(1))));
        List<String> loaded = Files.readAllLines(webhookClassLog);
        assertThat(loaded).as("the webhook resource comes from the AOT cache")
                .anyMatch(line -> line.contains("com.halopsaconnector.webhook.HaloWebhookResource source: shared objects file"));
        // The cache preloads every class the training run used (both functions), so class loading says
        // nothing about which clients a function builds: WebhookFunctionBuildsOnlyWhatItUsesTest checks that.
    }
}
