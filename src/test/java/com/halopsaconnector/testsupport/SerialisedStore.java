package com.halopsaconnector.testsupport;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * For tests of concurrent writes: routes the application's DynamoDB calls through a
 * {@link SerialisingProxy} to moto, one at a time. moto applies a conditional write as read, check,
 * write without a lock, so two concurrent ones can both pass their condition, which DynamoDB never
 * allows; serialised, moto keeps DynamoDB's per-item atomicity, while a race in our own code (two
 * calls of one operation interleaving with another's) still shows. Close it after the test.
 */
public final class SerialisedStore implements AutoCloseable {

    private final SerialisingProxy proxy;
    private final DynamoGate gate;

    private SerialisedStore(SerialisingProxy proxy, DynamoGate gate) {
        this.proxy = proxy;
        this.gate = gate;
    }

    public static SerialisedStore start() {
        // TestEnvironment points KMS straight at moto; DynamoDB goes through the gate.
        String moto = ConfigProvider.getConfig().getValue("quarkus.kms.endpoint-override", String.class);
        SerialisingProxy proxy = SerialisingProxy.to(moto);
        return new SerialisedStore(proxy, DynamoGate.fromConfig().detourThrough(proxy.url()));
    }

    public DynamoGate gate() {
        return gate;
    }

    @Override
    public void close() {
        gate.recover();
        proxy.close();
    }
}
