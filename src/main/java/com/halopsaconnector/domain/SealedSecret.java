package com.halopsaconnector.domain;

/** A secret as it is stored: KMS-sealed, plus the few characters that may be shown back (see {@link SecretHint}). */
public record SealedSecret(String sealed, String hint) {

    @Override
    public String toString() {
        return "SealedSecret[***]";
    }
}
