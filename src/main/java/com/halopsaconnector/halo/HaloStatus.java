package com.halopsaconnector.halo;

/** Messages for HTTP statuses Halo should not answer with. */
final class HaloStatus {

    private HaloStatus() {
    }

    static HaloUnreachableException unexpected(String target, int status) {
        if (status >= 300 && status < 400) {
            return new HaloUnreachableException("Halo answered " + status + " (a redirect) at " + target
                    + "; redirects are not followed, so use the URL Halo shows under Configuration > Integrations > Halo API");
        }
        if (status >= 500) {
            return new HaloUnreachableException("Halo answered " + status + " (server error) at " + target);
        }
        return new HaloUnreachableException("Halo answered " + status + " at " + target + "; check that URL");
    }
}
