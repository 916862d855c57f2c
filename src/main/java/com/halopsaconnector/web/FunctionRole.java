package com.halopsaconnector.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;

/** Which function this deployment is: {@code config}, {@code webhook}, or {@code all} for local runs. */
@ApplicationScoped
public class FunctionRole {

    static final String CONFIG_PREFIX = "/v1/integrations/";
    static final String WEBHOOK_PREFIX = "/v1/webhooks/";
    /** The schedule's entry point; API Gateway has no route to it. */
    static final String INTERNAL_PREFIX = "/internal/";
    /** The settings page's files; the page itself is at {@code /}. Both exist only while {@code connector.ui.enabled}. */
    public static final String SETTINGS_PAGE_FILES = "settings-page";

    @ConfigProperty(name = "connector.ui.enabled", defaultValue = "false")
    boolean settingsPageEnabled;

    @ConfigProperty(name = "connector.function")
    String function;

    void checkConfigured(@Observes StartupEvent event) {
        serves("/");
    }

    boolean serves(String path) {
        String normalized = path.startsWith("/") ? path : "/" + path;
        return switch (function) {
            case "config" -> normalized.startsWith(CONFIG_PREFIX) || normalized.startsWith(INTERNAL_PREFIX)
                    || settingsPageEnabled && isSettingsPage(normalized);
            case "webhook" -> normalized.startsWith(WEBHOOK_PREFIX);
            case "all" -> settingsPageEnabled || !isSettingsPage(normalized);
            default -> throw new IllegalStateException("connector.function must be config, webhook or all");
        };
    }

    private static boolean isSettingsPage(String path) {
        return path.equals("/") || path.startsWith("/" + SETTINGS_PAGE_FILES + "/");
    }
}
