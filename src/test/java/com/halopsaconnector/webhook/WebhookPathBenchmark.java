package com.halopsaconnector.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

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
 * Halo's payloads and checking Basic credentials, the first time in an instance (PBKDF2 at
 * {@link WebhookCredential#ITERATIONS}) and once it verified there before. Run with
 * infra/bench/run.sh (not part of the tests).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WebhookPathBenchmark {

    static final String PASSWORD = "a webhook password of reasonable length";

    DeliveryParser parser;
    byte[] fullObject;
    byte[] batchOf25;
    byte[] largestBatch;
    WebhookCredential credential;
    VerifiedCredentials verified;
    String authorization;

    @Setup
    public void setUp() {
        parser = DeliveryParserTest.parser();
        String event = Samples.read("webhook-full-object.json");
        fullObject = event.getBytes(StandardCharsets.UTF_8);
        batchOf25 = batch(event, 25);
        int perEvent = event.getBytes(StandardCharsets.UTF_8).length + 1;
        largestBatch = batch(event, (DeliveryParser.MAX_BODY_BYTES - 2) / perEvent);
        credential = WebhookCredential.create("halo", PASSWORD);
        authorization = "Basic " + Base64.getEncoder().encodeToString(("halo:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        verified = new VerifiedCredentials();
        verified.remember(credential, authorization);
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
    public boolean checkBasicCredentialsFirstTime() {
        return credential.matches("halo", PASSWORD);
    }

    @Benchmark
    public boolean checkBasicCredentialsVerifiedBefore() {
        return verified.contains(credential, authorization);
    }

    /** The work factor used before (10,000): a yardstick measured in the same run, on the same load. */
    @Benchmark
    public byte[] pbkdf2AtFormerWorkFactor() throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(PASSWORD.toCharArray(), credential.salt(), 10_000, 256);
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    }
}
