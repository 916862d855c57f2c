package com.halopsaconnector.halo;

/** Halo's token endpoint refused the client id / secret (HTTP 400 or 401). */
public final class HaloCredentialsRejectedException extends HaloException {

    public HaloCredentialsRejectedException(String message) {
        super(message);
    }
}
