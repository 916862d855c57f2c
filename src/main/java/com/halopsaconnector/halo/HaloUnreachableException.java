package com.halopsaconnector.halo;

/** DNS, connect, TLS, timeout, a 5xx, a redirect or another answer Halo should not give. */
public final class HaloUnreachableException extends HaloException {

    public HaloUnreachableException(String message) {
        super(message);
    }

    public HaloUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
