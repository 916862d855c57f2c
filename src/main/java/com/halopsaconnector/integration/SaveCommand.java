package com.halopsaconnector.integration;

/**
 * A validated, trimmed Save And Sync (or test) body. {@code clientSecret} null means "keep the
 * stored one".
 */
public record SaveCommand(String authUrl, String resourceUrl, String haloTenant, String clientId,
                          String clientSecret, String scope, WebhookAuthChange webhookAuth) {

    @Override
    public String toString() {
        return "SaveCommand[authUrl=" + authUrl + ", resourceUrl=" + resourceUrl + ", haloTenant=" + haloTenant
                + ", clientId=" + clientId + ", clientSecret=" + (clientSecret == null ? "(keep)" : "***")
                + ", scope=" + scope + ", webhookAuth=" + webhookAuth + "]";
    }
}
