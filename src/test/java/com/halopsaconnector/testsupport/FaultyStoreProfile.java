package com.halopsaconnector.testsupport;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Runs a test class with {@link FaultyStoreEnvironment} instead of the global {@link TestEnvironment}
 * (both set the DynamoDB endpoint, so only one of them may run). Costs one application restart.
 */
public class FaultyStoreProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FaultyStoreEnvironment.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
