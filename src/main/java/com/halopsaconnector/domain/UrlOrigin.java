package com.halopsaconnector.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a URL sends what is posted to it: scheme, host and port, with the scheme's default port
 * filled in, so {@code https://acme.halopsa.com} and {@code https://acme.halopsa.com:443} are one
 * origin. Path, query and case of the host do not count.
 */
public record UrlOrigin(String scheme, String host, int port) {

    /** Empty when the URL cannot be read or names no scheme or host. */
    public static Optional<UrlOrigin> of(String url) {
        if (url == null) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return Optional.empty();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : defaultPort(scheme);
        return Optional.of(new UrlOrigin(scheme, uri.getHost().toLowerCase(Locale.ROOT), port));
    }

    /** Whether both URLs can be read and reach the same origin. */
    public static boolean same(String first, String second) {
        Optional<UrlOrigin> origin = of(first);
        return origin.isPresent() && origin.equals(of(second));
    }

    private static int defaultPort(String scheme) {
        return switch (scheme) {
            case "https" -> 443;
            case "http" -> 80;
            default -> -1;
        };
    }
}
