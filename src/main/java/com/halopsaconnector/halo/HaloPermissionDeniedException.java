package com.halopsaconnector.halo;

/** The token was issued, but the API agent behind it may not read tickets (HTTP 403). */
public final class HaloPermissionDeniedException extends HaloException {

    public HaloPermissionDeniedException(String message) {
        super(message);
    }
}
