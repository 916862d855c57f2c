package com.halopsaconnector.domain;

/**
 * The non-secret half of a Halo connection, as the customer typed it. {@code haloTenant} is blank
 * for on-premise Halo; {@code scope} defaults to "all".
 */
public record HaloSettings(String authUrl, String resourceUrl, String haloTenant, String clientId, String scope) {

    public HaloCredentials withSecret(String clientSecret) {
        return new HaloCredentials(authUrl, resourceUrl, haloTenant, clientId, clientSecret, scope);
    }

    /** Whether both settings name the same Halo data: the same Resource URL and Halo tenant. */
    public boolean sameHaloDataAs(HaloSettings other) {
        return other != null && resourceUrl.equalsIgnoreCase(other.resourceUrl)
                && nullToEmpty(haloTenant).equalsIgnoreCase(nullToEmpty(other.haloTenant));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
