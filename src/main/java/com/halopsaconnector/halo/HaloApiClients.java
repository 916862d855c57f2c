package com.halopsaconnector.halo;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * Builds REST clients for one Halo instance's base URL, with short timeouts and no redirects:
 * a redirect could carry the client secret to a host that the URL guard never checked.
 */
@ApplicationScoped
public class HaloApiClients {

    @ConfigProperty(name = "connector.halo.connect-timeout")
    Duration connectTimeout;

    @ConfigProperty(name = "connector.halo.read-timeout")
    Duration readTimeout;

    public HaloAuthApi auth(String authUrl) {
        return builder(authUrl).build(HaloAuthApi.class);
    }

    public HaloTicketsApi tickets(String resourceUrl) {
        return builder(resourceUrl).build(HaloTicketsApi.class);
    }

    /** Waits for an answer at most {@code maxWait}, or the configured read timeout if that is shorter. */
    public HaloTicketsApi tickets(String resourceUrl, Duration maxWait) {
        return builder(resourceUrl, maxWait.compareTo(readTimeout) < 0 ? maxWait : readTimeout).build(HaloTicketsApi.class);
    }

    private QuarkusRestClientBuilder builder(String baseUrl) {
        return builder(baseUrl, readTimeout);
    }

    private QuarkusRestClientBuilder builder(String baseUrl, Duration answerWithin) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(withoutTrailingSlash(baseUrl)))
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(Math.max(1, answerWithin.toMillis()), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .disableDefaultMapper(true);
    }

    private static String withoutTrailingSlash(String url) {
        String result = url;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
