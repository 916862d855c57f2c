package com.halopsaconnector.standin;

/** The one API application the stand-in Halo accepts; {@code tenant} blank means on-premise (no {@code ?tenant=}). */
public record StandInCredentials(String tenant, String clientId, String clientSecret) {

    public static final StandInCredentials DEFAULT =
            new StandInCredentials("standin", "local-connector", "stand-in-secret-0123456789");

    boolean accepts(String tenantParam, String clientIdParam, String clientSecretParam) {
        String askedTenant = tenantParam == null ? "" : tenantParam;
        return tenant.equals(askedTenant) && clientId.equals(clientIdParam) && clientSecret.equals(clientSecretParam);
    }
}
