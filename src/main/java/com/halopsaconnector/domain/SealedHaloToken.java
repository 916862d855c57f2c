package com.halopsaconnector.domain;

import java.time.Instant;

/** The connection's current Halo access token, KMS-sealed, and when it stops being usable. */
public record SealedHaloToken(String sealed, Instant expiresAt) {

    @Override
    public String toString() {
        return "SealedHaloToken[***, expiresAt=" + expiresAt + "]";
    }
}
