package com.halopsaconnector.settingspage;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The page switched on, with a development-token file the test writes (as run.sh does for local
 * runs), and Save's sync budget as deployed (5 s), so the page shows what a customer sees.
 */
public class SettingsPageProfile implements QuarkusTestProfile {

    static final String DEV_TOKEN_FILE = "target/settings-page-test/dev-jwt.txt";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("connector.ui.enabled", "true", "connector.ui.dev-token-file", DEV_TOKEN_FILE,
                "connector.sync.save-budget", "5S");
    }
}
