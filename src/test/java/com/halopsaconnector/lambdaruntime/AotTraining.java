package com.halopsaconnector.lambdaruntime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.halopsaconnector.testsupport.FakeHalo;

/**
 * The training run of the JVM package's AOT cache (infra/package/jvm.sh): starts the package's own
 * bootstrap with {@code CONNECTOR_AOT_TRAINING=1} (the same flags, writing {@code app.aot} at exit)
 * as both functions in one process, drives the real paths of both through the Runtime API against
 * a moto server of its own and a WireMock Halo, then stops it as Lambda does. Argument: the package
 * directory.
 */
public final class AotTraining {

    private AotTraining() {
    }

    public static void main(String[] args) throws Exception {
        JvmPackage jvmPackage = JvmPackage.at(Path.of(args[0]));
        try (LoopbackDeployment deployment = LoopbackDeployment.createOnOwnStore(); FakeHalo halo = FakeHalo.start()) {
            halo.openTickets(150, ConnectorCalls.haloTime(60 * 24));
            Map<String, String> environment = new LinkedHashMap<>(deployment.environment("all"));
            environment.put("CONNECTOR_AOT_TRAINING", "1");
            LambdaFunction function = jvmPackage.start(jvmPackage.bootstrap(), environment, Path.of("target", "aot-training-function.log"));
            try {
                exercise(function, halo);
            } finally {
                int exit = function.stop(Duration.ofMinutes(3));
                System.out.println("training run exited with " + exit + "; log: " + function.log());
            }
        }
    }

    /** Every route of both functions, answers good and bad, a few times each so their paths settle. */
    static void exercise(LambdaFunction function, FakeHalo halo) {
        for (int round = 0; round < 3; round++) {
            ConnectorCalls platform = new ConnectorCalls("tenant-training-" + UUID.randomUUID());
            String webhookUrl = function.callExpecting(platform.save(halo, null), 200).bodyJson().path("webhookUrl").asText();
            function.callExpecting(platform.view(), 200);
            function.callExpecting(platform.test(halo), 200);
            deliver(function, webhookUrl, null);
            function.callExpecting(platform.sync(), 200, 409);
            function.invokeExpecting(ConnectorCalls.scheduledSync(), 200);
            String rotated = function.callExpecting(platform.rotate(), 200).bodyJson().path("webhookUrl").asText();
            function.callExpecting(ConnectorCalls.delivery(webhookUrl, ConnectorCalls.eventOnly(4001, ConnectorCalls.haloTime(1))), 404);
            function.callExpecting(ConnectorCalls.delivery(rotated, "{not json"), 400);
            function.callExpecting(HttpApiEvent.of("GET", ConnectorCalls.CONFIG_PATH), 401);

            ConnectorCalls guarded = new ConnectorCalls("tenant-training-" + UUID.randomUUID());
            String guardedUrl = function.callExpecting(guarded.save(halo, "{\"username\":\"halo\",\"password\":\"a-webhook-password-01\"}"), 200)
                    .bodyJson().path("webhookUrl").asText();
            deliver(function, guardedUrl, "Basic " + Base64.getEncoder().encodeToString("halo:a-webhook-password-01".getBytes()));
            function.callExpecting(guarded.view(), 200);
            function.callExpecting(guarded.disconnect(), 204);
        }
    }

    private static void deliver(LambdaFunction function, String webhookUrl, String authorization) {
        List<String> bodies = List.of(
                ConnectorCalls.fullEvent(4001, ConnectorCalls.haloTime(4), "Printer on fire"),
                ConnectorCalls.eventOnly(4002, ConnectorCalls.haloTime(3)),
                "[" + ConnectorCalls.fullEvent(4003, ConnectorCalls.haloTime(2), "VPN down") + ","
                        + ConnectorCalls.eventOnly(4004, ConnectorCalls.haloTime(1)) + "]");
        for (String body : bodies) {
            HttpApiEvent event = ConnectorCalls.delivery(webhookUrl, body);
            if (authorization != null) {
                event.header("authorization", authorization);
            }
            HttpApiEvent.Response first = function.callExpecting(event, 200);
            function.callExpecting(event, 200); // the same delivery again: counted as a duplicate
            if (first.bodyJson().path("received").asInt() < 1) {
                throw new IllegalStateException("delivery not received: " + first.body());
            }
        }
    }
}
