package com.halopsaconnector.halo;

import java.net.URI;

/** DNS, connect, TLS, timeout, a 5xx, a redirect or another answer Halo should not give. */
public final class HaloUnreachableException extends HaloException {

    public HaloUnreachableException(String message) {
        super(message);
    }

    public HaloUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The one answer for a host that gave no HTTP answer at all. It never says whether the name did
     * not resolve, the connection was refused or timed out, or TLS failed, so that the API cannot
     * be used to scan hosts and ports; the log has the reason.
     */
    static HaloUnreachableException noAnswer(URI uri, Throwable cause) {
        String where = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        return new HaloUnreachableException("Halo could not be reached at " + where
                + "; check the URL and that Halo is online", cause);
    }
}
