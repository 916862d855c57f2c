package com.halopsaconnector.lambdaruntime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.halopsaconnector.testsupport.FakeHalo;
import com.halopsaconnector.testsupport.SerialisingProxy;

/**
 * The cold-start and warm-path benchmark of the packaged JVM functions (infra/bench/lambda-runtime.sh),
 * through the same Runtime API harness as LambdaRuntimeIT, against moto on loopback:
 * <ol>
 * <li>cold start to the first webhook answer and to the first config {@code GET}, fresh processes,
 * three variants: plain JVM, JVM with Lambda-style flags, the package's bootstrap (flags + AOT cache);</li>
 * <li>warm single-event deliveries, each split into time inside DynamoDB calls (timed by
 * the {@link SerialisingProxy} in front of moto) and the rest, with the calls counted;</li>
 * <li>peak RSS of a webhook function over a long run of deliveries, heap sized as for 256 MB.</li>
 * </ol>
 * Runs on a moto server of its own, reset every {@value #RESET_STORE_EVERY} deliveries (connections kept).
 * Writes {@code docs/benchmarks/<date>-lambda-runtime.md} and {@code .json}. System properties:
 * {@code bench.cold-runs} (10), {@code bench.warm-deliveries} (2000), {@code bench.rss-deliveries} (10000).
 */
public final class LambdaRuntimeBenchmark {

    static final int COLD_RUNS = Integer.getInteger("bench.cold-runs", 10);
    static final int WARM_DELIVERIES = Integer.getInteger("bench.warm-deliveries", 2000);
    static final int WARM_UP = 200;
    static final int RSS_DELIVERIES = Integer.getInteger("bench.rss-deliveries", 10000);
    /** moto slows down and grows with every transaction; long runs reset it this often (LoopbackDeployment). */
    static final int RESET_STORE_EVERY = 1000;

    /** The bootstrap's flags without its AOT cache (infra/package/bootstrap). */
    static final List<String> LAMBDA_FLAGS = List.of("-XX:MaxHeapSize=217m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:-UsePerfData", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED");

    private final JvmPackage jvmPackage;
    private final LoopbackDeployment deployment;
    private final Path logs;
    private final Map<String, Object> results = new LinkedHashMap<>();

    private LambdaRuntimeBenchmark(JvmPackage jvmPackage, LoopbackDeployment deployment, Path logs) {
        this.jvmPackage = jvmPackage;
        this.deployment = deployment;
        this.logs = logs;
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of("target", "bench-lambda-runtime");
        JvmPackage jvmPackage = JvmPackage.unzip(JvmPackage.ZIP, work.resolve("task-" + UUID.randomUUID()));
        Path logs = Files.createDirectories(work.resolve("logs"));
        try (LoopbackDeployment deployment = LoopbackDeployment.createOnOwnStore(); FakeHalo halo = FakeHalo.start()) {
            halo.openTickets(20, ConnectorCalls.haloTime(60));
            LambdaRuntimeBenchmark benchmark = new LambdaRuntimeBenchmark(jvmPackage, deployment, logs);
            benchmark.run(halo);
        }
    }

    private void run(FakeHalo halo) throws Exception {
        results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "loadAverageAtStart", Files.readString(Path.of("/proc/loadavg")).trim(),
                "runtime", Files.readString(jvmPackage.root().resolve("runtime/release")).lines()
                        .filter(line -> line.startsWith("JAVA_VERSION")).findFirst().orElse("?")));
        ConnectorCalls platform = new ConnectorCalls("tenant-bench-" + UUID.randomUUID());
        String webhookUrl;
        try (LambdaFunction config = start("config", jvmPackage.bootstrap(), deployment.motoEndpoint(), "setup-config")) {
            webhookUrl = config.callExpecting(platform.save(halo, null), 200).bodyJson().path("webhookUrl").asText();
        }
        coldStarts(platform, webhookUrl);
        warmDeliveries(webhookUrl);
        peakRss(webhookUrl);
        results.put("machine.loadAverageAtEnd", Files.readString(Path.of("/proc/loadavg")).trim());
        write();
    }

    // ------------------------------------------------------------------ cold starts

    private void coldStarts(ConnectorCalls platform, String webhookUrl) throws Exception {
        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("plain JVM", jvmPackage.javaCommand(List.of()));
        variants.put("JVM + flags", jvmPackage.javaCommand(LAMBDA_FLAGS));
        variants.put("JVM + flags + AOT cache (the package's bootstrap)", jvmPackage.bootstrap());
        Map<String, Map<String, List<Long>>> millis = new LinkedHashMap<>();
        for (int run = 0; run < COLD_RUNS; run++) {
            for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
                Map<String, List<Long>> byFunction = millis.computeIfAbsent(variant.getKey(), v -> new LinkedHashMap<>());
                ColdStart webhook = coldStart("webhook", variant.getValue(),
                        ConnectorCalls.delivery(webhookUrl, ConnectorCalls.eventOnly(4100 + run, ConnectorCalls.haloTime(1))));
                byFunction.computeIfAbsent("first webhook answer", f -> new ArrayList<>()).add(webhook.totalMs());
                byFunction.computeIfAbsent("webhook init", f -> new ArrayList<>()).add(webhook.initMs());
                ColdStart config = coldStart("config", variant.getValue(), platform.view());
                byFunction.computeIfAbsent("first config GET", f -> new ArrayList<>()).add(config.totalMs());
                byFunction.computeIfAbsent("config init", f -> new ArrayList<>()).add(config.initMs());
            }
        }
        Map<String, Object> table = new LinkedHashMap<>();
        millis.forEach((variant, byFunction) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            byFunction.forEach((function, values) -> row.put(function, Map.of("medianMs", median(values), "minMs",
                    Collections.min(values), "maxMs", Collections.max(values), "runsMs", values)));
            table.put(variant, row);
        });
        results.put("coldStart", table);
        System.out.println("cold starts: " + table);
    }

    /**
     * One fresh process: milliseconds from its start to the answer of its first event, and to its first
     * poll of the Runtime API (its init, as Lambda reports "Init Duration"; the event is already waiting).
     */
    record ColdStart(long totalMs, long initMs) {
    }

    private ColdStart coldStart(String role, List<String> command, HttpApiEvent event) throws Exception {
        try (LambdaFunction function = start(role, command, deployment.motoEndpoint(), "cold-" + role)) {
            InvocationResult result = function.invokeExpecting(event.toJson(), 200);
            return new ColdStart(Duration.ofNanos(result.answeredNanos() - function.startedNanos()).toMillis(),
                    Duration.ofNanos(result.handedOutNanos() - function.startedNanos()).toMillis());
        }
    }

    // ------------------------------------------------------------------ warm deliveries

    private void warmDeliveries(String webhookUrl) throws Exception {
        try (SerialisingProxy proxy = SerialisingProxy.to(deployment.motoEndpoint());
                LambdaFunction webhook = start("webhook", jvmPackage.bootstrap(), proxy.url(), "warm-webhook")) {
            List<Double> totalMs = new ArrayList<>();
            List<Double> dynamoMs = new ArrayList<>();
            List<Double> outsideMs = new ArrayList<>();
            Map<String, Long> callCounts = new TreeMap<>();
            Map<String, Long> operations = new TreeMap<>();
            for (int i = 0; i < WARM_UP + WARM_DELIVERIES; i++) {
                if (i > 0 && i % RESET_STORE_EVERY == 0) {
                    deployment.resetStoreKeepingConnections();
                }
                InvocationResult result = webhook.invokeExpecting(ConnectorCalls.delivery(webhookUrl,
                        ConnectorCalls.fullEvent(5000 + i % 150, ConnectorCalls.haloTime(1), "Warm delivery " + i)).toJson(), 200);
                if (i < WARM_UP) {
                    continue;
                }
                List<SerialisingProxy.Call> calls = proxy.callsBetween(result.handedOutNanos(), result.answeredNanos());
                double total = result.handlingNanos() / 1e6;
                double inDynamo = calls.stream().mapToLong(SerialisingProxy.Call::nanos).sum() / 1e6;
                totalMs.add(total);
                dynamoMs.add(inDynamo);
                outsideMs.add(total - inDynamo);
                callCounts.merge(Integer.toString(calls.size()), 1L, Long::sum);
                calls.forEach(call -> operations.merge(call.operation().replace("DynamoDB_20120810.", ""), 1L, Long::sum));
            }
            Map<String, Object> warm = new LinkedHashMap<>();
            warm.put("deliveries", WARM_DELIVERIES);
            warm.put("afterWarmUpDeliveries", WARM_UP);
            warm.put("totalMs", percentiles(totalMs));
            warm.put("insideDynamoDbMs", percentiles(dynamoMs));
            warm.put("outsideDynamoDbMs", percentiles(outsideMs));
            warm.put("dynamoDbCallsPerDelivery", callCounts);
            warm.put("dynamoDbOperations", operations);
            results.put("warmSingleEventDelivery", warm);
            System.out.println("warm: " + warm);
        }
    }

    // ------------------------------------------------------------------ memory

    private void peakRss(String webhookUrl) throws Exception {
        try (LambdaFunction webhook = start("webhook", jvmPackage.bootstrap(), deployment.motoEndpoint(), "rss-webhook")) {
            long afterFirst = 0;
            Instant started = Instant.now();
            for (int i = 0; i < RSS_DELIVERIES; i++) {
                if (i > 0 && i % RESET_STORE_EVERY == 0) {
                    deployment.resetStoreKeepingConnections();
                }
                String body = i % 20 == 0
                        ? "[" + ConnectorCalls.fullEvent(6000 + i % 300, ConnectorCalls.haloTime(1), "Batch " + i) + ","
                                + ConnectorCalls.eventOnly(6001 + i % 300, ConnectorCalls.haloTime(1)) + "]"
                        : ConnectorCalls.fullEvent(6000 + i % 300, ConnectorCalls.haloTime(1), "Delivery " + i);
                webhook.invokeExpecting(ConnectorCalls.delivery(webhookUrl, body).toJson(), 200);
                if (i == 0) {
                    afterFirst = webhook.peakRssKib();
                }
            }
            Map<String, Object> rss = new LinkedHashMap<>();
            rss.put("deliveries", RSS_DELIVERIES);
            rss.put("heap", "-XX:MaxHeapSize=217m (85% of 256 MB, the bootstrap's rule)");
            rss.put("peakRssAfterFirstDeliveryMiB", afterFirst / 1024);
            rss.put("peakRssMiB", webhook.peakRssKib() / 1024);
            rss.put("durationS", Duration.between(started, Instant.now()).toSeconds());
            results.put("webhookPeakRss", rss);
            System.out.println("rss: " + rss);
        }
    }

    // ------------------------------------------------------------------ helpers

    private LambdaFunction start(String role, List<String> command, String dynamoEndpoint, String logName) throws IOException {
        return jvmPackage.start(command, deployment.environment(role, dynamoEndpoint), logs.resolve(logName + ".log"));
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static Map<String, Double> percentiles(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        Function<Double, Double> at = q -> round(sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)));
        Map<String, Double> result = new LinkedHashMap<>();
        result.put("p50", at.apply(0.50));
        result.put("p90", at.apply(0.90));
        result.put("p99", at.apply(0.99));
        result.put("max", round(sorted.get(sorted.size() - 1)));
        return result;
    }

    private static double round(double millis) {
        return Math.round(millis * 100) / 100.0;
    }

    private void write() throws IOException {
        Path dir = Files.createDirectories(Path.of("docs", "benchmarks"));
        String stem = LocalDate.now(ZoneOffset.UTC) + "-lambda-runtime";
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(dir.resolve(stem + ".json"), json.writeValueAsString(results));
        Files.writeString(dir.resolve(stem + ".md"), BenchmarkReport.markdown(results, COLD_RUNS));
        System.out.println("Results: " + dir.resolve(stem + ".md") + ", " + dir.resolve(stem + ".json"));
    }
}
