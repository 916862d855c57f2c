package com.halopsaconnector.webhook;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.halopsaconnector.domain.WebhookCredential;
import com.halopsaconnector.domain.WebhookEvent;
import com.halopsaconnector.testsupport.HaloStubs.Samples;

/**
 * The CPU work the webhook function does per delivery, apart from DynamoDB round trips: parsing
 * Halo's payloads and checking Basic credentials. Run with infra/bench/run.sh (not part of the tests).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WebhookPathBenchmark {

    DeliveryParser parser;
    byte[] fullObject;
    byte[] batchOf25;
    byte[] largestBatch;
    WebhookCredential credential;

    @Setup
    public void setUp() {
        parser = DeliveryParserTest.parser();
        String event = Samples.read("webhook-full-object.json");
        fullObject = event.getBytes(StandardCharsets.UTF_8);
        batchOf25 = batch(event, 25);
        int perEvent = event.getBytes(StandardCharsets.UTF_8).length + 1;
        largestBatch = batch(event, (DeliveryParser.MAX_BODY_BYTES - 2) / perEvent);
        credential = WebhookCredential.create("halo", "a webhook password of reasonable length");
    }

    private static byte[] batch(String event, int count) {
        StringJoiner joined = new StringJoiner(",", "[", "]");
        for (int i = 0; i < count; i++) {
            joined.add(event.replace("5f0c7a3e-2b9d-4c41-9a57-0d6f3b1e8c22", "5f0c7a3e-2b9d-4c41-9a57-" + String.format("%012d", i)));
        }
        return joined.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public List<WebhookEvent> parseOneFullObjectEvent() {
        return parser.parse(fullObject);
    }

    @Benchmark
    public List<WebhookEvent> parseBatchOf25() {
        return parser.parse(batchOf25);
    }

    @Benchmark
    public List<WebhookEvent> parseLargestAllowedBatch() {
        return parser.parse(largestBatch);
    }

    @Benchmark
    public boolean checkBasicCredentials() {
        return credential.matches("halo", "a webhook password of reasonable length");
    }
}
