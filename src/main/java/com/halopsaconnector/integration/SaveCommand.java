package com.halopsaconnector.integration;

import com.halopsaconnector.domain.HaloSettings;

/**
 * A validated, trimmed Save And Sync (or test) body. {@code clientSecret} null means "keep the
 * stored one".
 */
public record SaveCommand(String authUrl, String resourceUrl, String haloTenant, String clientId,
                          String clientSecret, String scope, WebhookAuthChange webhookAuth) {

    public HaloSettings settings() {
        return new HaloSettings(authUrl, resourceUrl, haloTenant, clientId, scope);
    }

    @Override
    public String toString() {
        return "SaveCommand[authUrl=" + authUrl + ", resourceUrl=" + resourceUrl + ", haloTenant=" + haloTenant
                + ", clientId=" + clientId + ", clientSecret=" + (clientSecret == null ? "(keep)" : "***")
                + ", scope=" + scope + ", webhookAuth=" + webhookAuth + "]";
    }
}
