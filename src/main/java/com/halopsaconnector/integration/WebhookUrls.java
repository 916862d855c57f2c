package com.halopsaconnector.integration;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.halopsaconnector.domain.CallbackToken;
import com.halopsaconnector.web.LambdaInvocation;

/**
 * Builds the callback URL the user pastes into Halo. Its base is, in this order:
 * {@code connector.public-base-url} (a custom domain); {@code https://} and the domain name API
 * Gateway received the request on (both functions sit behind the same API); and, only with
 * {@code connector.halo.allow-insecure-urls} on (local runs and tests, where no API Gateway sets a
 * domain name), {@code connector.local-base-url}. Never a Host or X-Forwarded-* header: a client
 * chooses those freely, and the URL would send Halo's deliveries, callback token included, to them.
 */
@ApplicationScoped
public class WebhookUrls {

    static final String WEBHOOK_PATH = "/v1/webhooks/halo/";

    @ConfigProperty(name = "connector.public-base-url")
    Optional<String> publicBaseUrl;

    @ConfigProperty(name = "connector.local-base-url")
    Optional<String> localBaseUrl;

    @ConfigProperty(name = "connector.halo.allow-insecure-urls")
    boolean allowInsecure;

    @Inject
    LambdaInvocation invocation;

    public String forToken(CallbackToken token) {
        return base() + WEBHOOK_PATH + token.value();
    }

    private String base() {
        Optional<String> configured = publicBaseUrl.filter(url -> !url.isBlank())
                .or(() -> invocation.apiGatewayDomainName().map(domain -> "https://" + domain))
                .or(() -> localBaseUrl.filter(url -> allowInsecure && !url.isBlank()));
        return stripTrailingSlash(configured.orElseThrow(() -> new IllegalStateException(
                "No base for the webhook URL: set connector.public-base-url, or call through API Gateway")));
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
