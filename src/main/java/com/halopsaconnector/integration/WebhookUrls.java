package com.halopsaconnector.integration;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.halopsaconnector.domain.CallbackToken;

/**
 * Builds the callback URL the user pastes into Halo. The base is {@code connector.public-base-url}
 * when set (a custom domain), else the address the request came in on: both functions sit behind
 * the same API Gateway.
 */
@ApplicationScoped
public class WebhookUrls {

    static final String WEBHOOK_PATH = "/v1/webhooks/halo/";

    @ConfigProperty(name = "connector.public-base-url")
    Optional<String> publicBaseUrl;

    public String forToken(CallbackToken token, UriInfo uri, HttpHeaders headers) {
        return base(uri, headers) + WEBHOOK_PATH + token.value();
    }

    private String base(UriInfo uri, HttpHeaders headers) {
        if (publicBaseUrl.isPresent() && !publicBaseUrl.get().isBlank()) {
            return stripTrailingSlash(publicBaseUrl.get());
        }
        String proto = Optional.ofNullable(headers.getHeaderString("X-Forwarded-Proto")).orElse(uri.getBaseUri().getScheme());
        String host = Optional.ofNullable(headers.getHeaderString(HttpHeaders.HOST)).orElse(uri.getBaseUri().getAuthority());
        return proto + "://" + host;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
