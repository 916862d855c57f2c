package com.halopsaconnector.store.sealing;

/**
 * A sealed value did not open: it was sealed for another tenant or purpose (moved between items or
 * attributes), altered, or has a format this version does not read. Nothing of it is revealed.
 */
public class SealedValueUnreadableException extends RuntimeException {

    private final SecretPurpose purpose;

    SealedValueUnreadableException(SecretPurpose purpose, Throwable cause) {
        super("The sealed " + purpose.contextValue() + " failed its integrity check", cause);
        this.purpose = purpose;
    }

    public SecretPurpose purpose() {
        return purpose;
    }
}
