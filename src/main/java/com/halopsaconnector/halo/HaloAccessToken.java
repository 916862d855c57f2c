package com.halopsaconnector.halo;

import java.time.Instant;

/** A bearer token from Halo and the moment it stops being good (taken from {@code expires_in}). */
public record HaloAccessToken(String value, Instant expiresAt) {

    public String authorizationHeader() {
        return "Bearer " + value;
    }

    public boolean isUsableAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "HaloAccessToken[***, expiresAt=" + expiresAt + "]";
    }
}
