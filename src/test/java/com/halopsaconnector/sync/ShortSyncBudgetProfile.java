package com.halopsaconnector.sync;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * {@code POST /sync} gets 3 s, Save no sync at all, and Halo's read timeout is a minute: only the
 * run's deadline can cut a Halo that answers slowly, so a test sees that it does.
 */
public class ShortSyncBudgetProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("connector.sync.request-budget", "3S",
                "connector.sync.save-budget", "0S",
                "connector.halo.read-timeout", "60S");
    }
}
