package com.halopsaconnector.domain;

import java.net.URI;
import java.util.Locale;

/**
 * What it takes to talk to one Halo instance. {@code haloTenant} is blank for on-premise Halo.
 */
public record HaloCredentials(String authUrl, String resourceUrl, String haloTenant,
                              String clientId, String clientSecret, String scope) {

    public boolean hasHaloTenant() {
        return haloTenant != null && !haloTenant.isBlank();
    }

    /**
     * The Halo instance these credentials reach, as Halo's rate limit counts it: the lower-case host
     * of the Resource URL, plus {@code :port} when the URL names one. Token calls count against it
     * too, even when the Auth URL is on a shared auth host.
     */
    public String instance() {
        URI uri = URI.create(resourceUrl);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("The Resource URL names no host");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return uri.getPort() == -1 ? host : host + ":" + uri.getPort();
    }

    @Override
    public String toString() {
        return "HaloCredentials[authUrl=" + authUrl + ", resourceUrl=" + resourceUrl
                + ", haloTenant=" + haloTenant + ", clientId=" + clientId + ", clientSecret=***]";
    }
}
