package com.halopsaconnector.domain;

/**
 * What it takes to talk to one Halo instance. {@code haloTenant} is blank for on-premise Halo.
 */
public record HaloCredentials(String authUrl, String resourceUrl, String haloTenant,
                              String clientId, String clientSecret, String scope) {

    public boolean hasHaloTenant() {
        return haloTenant != null && !haloTenant.isBlank();
    }

    // TEMPORARY until the request-budget branch lands.
    public String instance() {
        return java.net.URI.create(resourceUrl).getHost();
    }

    @Override
    public String toString() {
        return "HaloCredentials[authUrl=" + authUrl + ", resourceUrl=" + resourceUrl
                + ", haloTenant=" + haloTenant + ", clientId=" + clientId + ", clientSecret=***]";
    }
}
