package com.halopsaconnector.testsupport;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * {@link TestEnvironment}, except that the application's DynamoDB calls go through a
 * {@link FaultInjectingProxy} and then a {@link SerialisingProxy} to moto:
 * app → fault proxy → one call at a time → moto. The fault proxy forwards everything until a test
 * enables faults ({@link FaultProxyControl}); serialising keeps moto's conditional writes atomic,
 * so what the reliability figures count is our code, not moto's lack of isolation. KMS still goes
 * straight to moto. Used through {@link FaultyStoreProfile}.
 */
public class FaultyStoreEnvironment implements QuarkusTestResourceLifecycleManager {

    public static final String FAULT_PROXY_PORT = "test.fault-proxy.port";

    private final TestEnvironment base = new TestEnvironment();
    private SerialisingProxy serialising;
    private FaultInjectingProxy faults;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(base.start());
        String moto = config.get("quarkus.kms.endpoint-override");
        serialising = SerialisingProxy.to(moto);
        faults = FaultInjectingProxy.to(serialising.url());
        config.put("quarkus.dynamodb.endpoint-override", faults.url());
        config.put(FAULT_PROXY_PORT, Integer.toString(faults.port()));
        return config;
    }

    @Override
    public void stop() {
        if (faults != null) {
            faults.close();
        }
        if (serialising != null) {
            serialising.close();
        }
        base.stop();
    }
}
