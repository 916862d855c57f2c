package com.halopsaconnector.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Everything the application talks to in tests, all real and all on loopback: moto's server
 * (DynamoDB and KMS), a WireMock server playing Halo, and a WireMock "gate" in front of moto's
 * DynamoDB that proxies every call and lets a test make storage fail on purpose.
 */
public class TestEnvironment implements QuarkusTestResourceLifecycleManager {

    public static final String HALO_PORT = "test.halo.port";
    public static final String DYNAMO_GATE_PORT = "test.dynamo-gate.port";
    public static final int GATE_PROXY_PRIORITY = 10;

    private MotoProcess moto;
    private WireMockServer halo;
    private WireMockServer dynamoGate;

    @Override
    public Map<String, String> start() {
        JwtKeys.ensurePublicKeyFile();
        moto = MotoProcess.startOrReuse();
        halo = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        halo.start();
        dynamoGate = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        dynamoGate.start();
        dynamoGate.stubFor(any(anyUrl()).atPriority(GATE_PROXY_PRIORITY)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().proxiedFrom(moto.endpoint())));
        String gate = "http://127.0.0.1:" + dynamoGate.port();
        return Map.ofEntries(
                Map.entry("quarkus.dynamodb.endpoint-override", gate),
                Map.entry("quarkus.kms.endpoint-override", moto.endpoint()),
                Map.entry("connector.table-name", "halopsa-connector-test-" + UUID.randomUUID().toString().substring(0, 8)),
                Map.entry(HALO_PORT, Integer.toString(halo.port())),
                Map.entry(DYNAMO_GATE_PORT, Integer.toString(dynamoGate.port())));
    }

    @Override
    public void stop() {
        if (halo != null) {
            halo.stop();
        }
        if (dynamoGate != null) {
            dynamoGate.stop();
        }
        if (moto != null) {
            moto.stop();
        }
    }
}
