package com.halopsaconnector.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import org.eclipse.microprofile.config.ConfigProvider;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * For races in our own code: routes the application's DynamoDB calls through a proxy to moto whose
 * answers a test can hold ({@link Hold}). A held read has already been answered by moto, so the
 * application goes on with what was stored at that moment, however much later the test lets it.
 * Close it after the test.
 */
public final class HeldStoreCalls implements AutoCloseable {

    private static final int HELD_PRIORITY = 1;
    private static final int PASS_THROUGH_PRIORITY = 10;

    private final WireMockServer proxy;
    private final String moto;
    private final DynamoGate gate;

    private HeldStoreCalls(WireMockServer proxy, String moto, DynamoGate gate) {
        this.proxy = proxy;
        this.moto = moto;
        this.gate = gate;
    }

    public static HeldStoreCalls start() {
        // TestEnvironment points KMS straight at moto; DynamoDB goes through the gate.
        String moto = ConfigProvider.getConfig().getValue("quarkus.kms.endpoint-override", String.class);
        WireMockServer proxy = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .extensions(AnswerHooks.extension()));
        proxy.start();
        proxy.stubFor(any(anyUrl()).atPriority(PASS_THROUGH_PRIORITY).willReturn(aResponse().proxiedFrom(moto)));
        return new HeldStoreCalls(proxy, moto, DynamoGate.fromConfig().detourThrough(proxy.baseUrl()));
    }

    /** Every GetItem whose request mentions {@code text} (e.g. a tenant's pk) is held by the returned hold. */
    public Hold holdReadsMentioning(String text) {
        Hold hold = new Hold();
        proxy.stubFor(any(anyUrl()).atPriority(HELD_PRIORITY)
                .withHeader("X-Amz-Target", equalTo(DynamoGate.GET_ITEM))
                .withRequestBody(containing(text))
                .willReturn(hold.on(aResponse().proxiedFrom(moto))));
        return hold;
    }

    @Override
    public void close() {
        gate.recover();
        proxy.stop();
    }
}
