package com.halopsaconnector.integration;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The guard as in production: https only, no loopback. */
public class StrictUrlGuardProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("connector.halo.allow-insecure-urls", "false");
    }
}
