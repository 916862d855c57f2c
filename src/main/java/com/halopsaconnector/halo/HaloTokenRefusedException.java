package com.halopsaconnector.halo;

/** Halo answered 401 to a token it issued (expired early or revoked); the caller may get one fresh token. */
public final class HaloTokenRefusedException extends RuntimeException {

    public HaloTokenRefusedException() {
        super("Halo refused the access token", null, false, false);
    }
}
