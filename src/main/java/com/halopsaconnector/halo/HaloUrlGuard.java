package com.halopsaconnector.halo;

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
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.halopsaconnector.domain.FieldError;
import com.halopsaconnector.domain.InvalidInputException;

/**
 * Refuses Halo URLs that would make us post a client secret somewhere other than a public HTTPS
 * host: plain http, user-info, and hosts resolving to anything but globally routable unicast
 * addresses (see {@link GlobalUnicast}). {@code connector.halo.allow-insecure-urls} lets http and
 * loopback through, for local runs and tests only.
 *
 * <p>{@link #check} names the refused request fields before anything is sent; {@link #checkedAddresses}
 * resolves once more right before a call, and {@link #approves} then judges the address the REST
 * client actually connected to, before the request is written: a DNS answer that changes between
 * that check and the connection is refused, with nothing sent.
 */
@ApplicationScoped
public class HaloUrlGuard {

    private static final Logger LOG = Logger.getLogger(HaloUrlGuard.class);
    static final String NOT_PUBLIC = "points to an address that is not on the public internet (private, loopback, "
            + "link-local, reserved, or a translation or tunnel range); Halo must be reachable on the internet";

    @ConfigProperty(name = "connector.halo.allow-insecure-urls")
    boolean allowInsecure;

    @Inject
    HostResolver resolver;

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
            wellFormed.forEach((field, uri) -> {
                if (resolve(uri).stream().anyMatch(address -> !isAllowed(address))) {
                    refused.add(new FieldError(field, NOT_PUBLIC));
                }
            });
        }
        if (!refused.isEmpty()) {
            throw new InvalidInputException(refused);
        }
    }

    /**
     * Resolves the URL's host right before a call and returns every address it resolves to, once
     * all of them have passed the check. The call may only go to one of these addresses: see
     * {@link #approves}.
     *
     * @throws HaloUnreachableException when the URL is refused, or its host does not resolve
     */
    public List<InetAddress> checkedAddresses(URI uri) {
        Optional<String> refusedForm = destinationRefusal(uri);
        if (refusedForm.isPresent()) {
            LOG.warnf("Call to Halo host %s not made: the URL %s", uri.getHost(), refusedForm.get());
            throw HaloUnreachableException.noAnswer(uri, null);
        }
        List<InetAddress> addresses = resolve(uri);
        Optional<InetAddress> refused = addresses.stream().filter(address -> !isAllowed(address)).findFirst();
        if (refused.isPresent()) {
            LOG.warnf("Call to Halo host %s not made: it now resolves to %s, which is not a public address",
                    uri.getHost(), refused.get().getHostAddress());
            throw HaloUnreachableException.noAnswer(uri, null);
        }
        return List.copyOf(addresses);
    }

    /**
     * Whether a connection made to {@code connected} may carry a request: only when it is one of the
     * addresses {@link #checkedAddresses} handed out for this call, and passes the check itself.
     */
    public boolean approves(List<InetAddress> checked, InetAddress connected) {
        return connected != null && checked.contains(connected) && isAllowed(connected);
    }

    /** What a URL typed by the user must look like: a destination, without query or fragment. */
    private Optional<String> formRefusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        Optional<String> refused = destinationRefusal(uri);
        if (refused.isEmpty() && (uri.getRawQuery() != null || uri.getRawFragment() != null)) {
            return Optional.of("must not contain a query or fragment");
        }
        return refused;
    }

    private Optional<String> destinationRefusal(URI uri) {
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
        return Optional.empty();
    }

    private boolean isAllowed(InetAddress address) {
        return GlobalUnicast.isGlobal(address) || allowInsecure && GlobalUnicast.isLoopback(address);
    }

    private List<InetAddress> resolve(URI uri) {
        try {
            List<InetAddress> addresses = resolver.resolve(hostOf(uri));
            if (addresses.isEmpty()) {
                throw new UnknownHostException(uri.getHost());
            }
            return addresses;
        } catch (UnknownHostException e) {
            LOG.infof("Halo host %s does not resolve", uri.getHost());
            throw HaloUnreachableException.noAnswer(uri, e);
        }
    }

    /** {@link URI#getHost()} keeps the brackets of an IPv6 literal; the resolver wants the bare literal. */
    static String hostOf(URI uri) {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
