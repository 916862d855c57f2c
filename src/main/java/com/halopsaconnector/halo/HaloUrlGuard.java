package com.halopsaconnector.halo;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.halopsaconnector.domain.FieldError;
import com.halopsaconnector.domain.InvalidInputException;

/**
 * Refuses Halo URLs that would make us post a client secret somewhere other than a public HTTPS
 * host: plain http, user-info, and hosts resolving to loopback, private, link-local (cloud
 * metadata), unique-local or unspecified addresses. {@code connector.halo.allow-insecure-urls}
 * lets http and loopback through, for local runs and tests only.
 */
@ApplicationScoped
public class HaloUrlGuard {

    @ConfigProperty(name = "connector.halo.allow-insecure-urls")
    boolean allowInsecure;

    /**
     * Checks every named URL: first the form of all of them, then where their hosts resolve to.
     *
     * @param urlsByField the URLs keyed by the request field they came from
     * @throws InvalidInputException naming every refused field
     * @throws HaloUnreachableException when a host name does not resolve
     */
    public void check(Map<String, String> urlsByField) {
        List<FieldError> refused = new ArrayList<>();
        Map<String, URI> wellFormed = new LinkedHashMap<>();
        urlsByField.forEach((field, url) -> formRefusal(url).ifPresentOrElse(
                why -> refused.add(new FieldError(field, why)), () -> wellFormed.put(field, URI.create(url))));
        if (refused.isEmpty()) {
            wellFormed.forEach((field, uri) -> addressRefusal(uri).ifPresent(why -> refused.add(new FieldError(field, why))));
        }
        if (!refused.isEmpty()) {
            throw new InvalidInputException(refused);
        }
    }

    private Optional<String> formRefusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowInsecure && scheme.equals("http"))) {
            return Optional.of("must start with https://");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not contain a user name or password");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("must name a host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of("must not contain a query or fragment");
        }
        return Optional.empty();
    }

    private Optional<String> addressRefusal(URI uri) {
        for (InetAddress address : resolve(uri.getHost())) {
            if (isForbidden(address)) {
                return Optional.of("points to a private, loopback or link-local address; Halo must be reachable on the internet");
            }
        }
        return Optional.empty();
    }

    private boolean isForbidden(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return !allowInsecure;
        }
        return address.isAnyLocalAddress()
                || address.isSiteLocalAddress()
                || address.isLinkLocalAddress()
                || address.isMulticastAddress()
                || isUniqueLocalIpv6(address)
                || isZeroNetwork(address);
    }

    private static boolean isUniqueLocalIpv6(InetAddress address) {
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }

    private static boolean isZeroNetwork(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 && bytes[0] == 0;
    }

    private static InetAddress[] resolve(String host) {
        try {
            return InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new HaloUnreachableException("Halo could not be reached: the host name " + host + " does not resolve", e);
        }
    }
}
