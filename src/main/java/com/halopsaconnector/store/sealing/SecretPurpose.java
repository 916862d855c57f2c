package com.halopsaconnector.store.sealing;

/**
 * What a sealed value is for. It is part of the KMS encryption context and of the AES-GCM AAD, so a
 * sealed value copied into another attribute, even of the same tenant, cannot be opened there.
 */
public enum SecretPurpose {
    CLIENT_SECRET("clientSecret"),
    CALLBACK_TOKEN("callbackToken"),
    HALO_TOKEN("haloToken");

    private final String contextValue;

    SecretPurpose(String contextValue) {
        this.contextValue = contextValue;
    }

    /** The value of the {@code purpose} encryption-context key; template.yaml's key policy allows exactly these. */
    public String contextValue() {
        return contextValue;
    }
}
