package com.halopsaconnector.lambdaruntime;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** The Markdown page of a {@link LambdaRuntimeBenchmark} run: its tables beside issue 7's targets. */
final class BenchmarkReport {

    private BenchmarkReport() {
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> results, int coldRuns) {
        StringBuilder page = new StringBuilder("# Lambda runtime benchmark: cold start, warm path, memory\n\n");
        page.append("- command: `infra/bench/lambda-runtime.sh` (").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(")\n");
        page.append("- machine: ").append(results.get("machine")).append("; load average at the end: ")
                .append(results.get("machine.loadAverageAtEnd")).append('\n');
        page.append("- the package: `target/function-jvm.zip` unpacked as Lambda unpacks it, started through AWS's runtime interface "
                + "client against a Runtime API on loopback, API Gateway payload-2.0 events, moto's server as DynamoDB and KMS.\n\n");

        page.append("## Cold start (median of ").append(coldRuns).append(" fresh processes; min-max)\n\n");
        page.append("Process start to the answer of its first event. Target: ≤ 800 ms to the first webhook answer and ≤ 1,000 ms to the "
                + "first config `GET` with the AOT package.\n\n");
        page.append("| variant | first webhook answer | of which init | first config GET | of which init |\n| --- | --- | --- | --- | --- |\n");
        Map<String, Map<String, Map<String, Object>>> cold = (Map<String, Map<String, Map<String, Object>>>) results.get("coldStart");
        cold.forEach((variant, byFunction) -> page.append("| ").append(variant).append(" | ")
                .append(cell(byFunction.get("first webhook answer"))).append(" | ").append(cell(byFunction.get("webhook init"))).append(" | ")
                .append(cell(byFunction.get("first config GET"))).append(" | ").append(cell(byFunction.get("config init"))).append(" |\n"));
        page.append("\nInit: process start to the runtime's first poll of the Runtime API (JVM, runtime interface client, Quarkus "
                + "start-up), what Lambda reports as Init Duration; the rest is the first event's handling.\n");

        Map<String, Object> warm = (Map<String, Object>) results.get("warmSingleEventDelivery");
        page.append("\n## Warm single-event deliveries (").append(warm.get("deliveries")).append(" after ")
                .append(warm.get("afterWarmUpDeliveries")).append(" warm-up deliveries, one warm webhook function)\n\n");
        page.append("Time from handing the event out to the answer, split by a proxy in front of moto (testsupport/SerialisingProxy) into time inside "
                + "DynamoDB calls (moto plus the proxy's forwarding) and the rest. Target outside DynamoDB: p50 ≤ 3 ms, p99 ≤ 20 ms.\n\n");
        page.append("| ms | p50 | p90 | p99 | max |\n| --- | --- | --- | --- | --- |\n");
        for (String part : new String[] {"totalMs", "insideDynamoDbMs", "outsideDynamoDbMs"}) {
            Map<String, Object> p = (Map<String, Object>) warm.get(part);
            page.append("| ").append(part.replace("Ms", "")).append(" | ").append(p.get("p50")).append(" | ").append(p.get("p90"))
                    .append(" | ").append(p.get("p99")).append(" | ").append(p.get("max")).append(" |\n");
        }
        page.append("\nDynamoDB calls per delivery (count: deliveries): ").append(warm.get("dynamoDbCallsPerDelivery"))
                .append("; operations over all deliveries: ").append(warm.get("dynamoDbOperations")).append(". Target: 1 read + 1 transaction.\n");

        Map<String, Object> rss = (Map<String, Object>) results.get("webhookPeakRss");
        page.append("\n## Peak RSS of the webhook function\n\n");
        page.append("| deliveries | heap | peak RSS after the first delivery | peak RSS after all | duration |\n| --- | --- | --- | --- | --- |\n");
        page.append("| ").append(rss.get("deliveries")).append(" (every 20th a batch of 2) | ").append(rss.get("heap")).append(" | ")
                .append(rss.get("peakRssAfterFirstDeliveryMiB")).append(" MiB | ").append(rss.get("peakRssMiB")).append(" MiB | ")
                .append(rss.get("durationS")).append(" s |\n\nTarget: ≤ 200 MB.\n");
        return page.toString();
    }

    private static String cell(Map<String, Object> stats) {
        return stats.get("medianMs") + " ms (" + stats.get("minMs") + "-" + stats.get("maxMs") + ")";
    }
}
