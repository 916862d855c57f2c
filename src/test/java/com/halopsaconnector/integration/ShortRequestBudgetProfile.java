package com.halopsaconnector.integration;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Requests get 1.5 s instead of 25 s, so a test can outlast a request's deadline quickly. */
public class ShortRequestBudgetProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("connector.request.budget", "1500ms");
    }
}
