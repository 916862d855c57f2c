package com.halopsaconnector.sync;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A profile of its own starts a fresh application with a fresh table, so the due-list holds only
 * these tests' tenants; a request budget small enough to reach quickly (10 requests per 5 minutes
 * per Halo instance); and no sync inside Save, so every sync page here comes from the run under test.
 */
public class IsolatedSyncProfile implements QuarkusTestProfile {

    static final int BUDGET = 10;
    /** Small pages keep these runs short on a loaded machine; FakeHalo must serve the same size. */
    static final int PAGE_SIZE = 10;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("connector.halo.rate-budget.requests", Integer.toString(BUDGET),
                "connector.sync.save-budget", "0S",
                "connector.sync.page-size", Integer.toString(PAGE_SIZE));
    }
}
