package com.halopsaconnector.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which deployment serves the settings page: the config function (or a local run), and only when switched on. */
class FunctionRoleTest {

    @Test
    void settingsPage_isServedByConfigAndAll_onlyWhenEnabled() {
        assertThat(role("config", true).serves("/")).isTrue();
        assertThat(role("config", true).serves("/settings-page/settings.js")).isTrue();
        assertThat(role("all", true).serves("/settings-page/dev-token")).isTrue();

        assertThat(role("config", false).serves("/")).isFalse();
        assertThat(role("config", false).serves("/settings-page/settings.js")).isFalse();
        assertThat(role("all", false).serves("/")).isFalse();
        assertThat(role("all", false).serves("/settings-page/index.html")).isFalse();
    }

    @Test
    void settingsPage_isNeverServedByTheWebhookFunction() {
        assertThat(role("webhook", true).serves("/")).isFalse();
        assertThat(role("webhook", true).serves("/settings-page/index.html")).isFalse();
    }

    @Test
    void theSwitch_changesNothingElse() {
        assertThat(role("config", false).serves("/v1/integrations/halo")).isTrue();
        assertThat(role("all", false).serves("/v1/webhooks/halo/abc")).isTrue();
        assertThat(role("config", true).serves("/v1/webhooks/halo/abc")).isFalse();
        assertThat(role("config", true).serves("/settings-pageX")).isFalse();
    }

    private static FunctionRole role(String function, boolean pageEnabled) {
        FunctionRole role = new FunctionRole();
        role.function = function;
        role.settingsPageEnabled = pageEnabled;
        return role;
    }
}
