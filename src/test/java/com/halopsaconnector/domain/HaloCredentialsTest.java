package com.halopsaconnector.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HaloCredentialsTest {

    @Test
    void theInstance_isTheLowerCaseHostOfTheResourceUrl() {
        assertThat(withUrls("https://acme.halopsa.com/auth", "https://Acme.HaloPSA.com/api").instance())
                .isEqualTo("acme.halopsa.com");
    }

    @Test
    void theInstance_namesThePort_whenTheResourceUrlDoes() {
        assertThat(withUrls("https://halo.example.com:8443/auth", "https://halo.example.com:8443/api").instance())
                .isEqualTo("halo.example.com:8443");
    }

    @Test
    void theInstance_ignoresASharedAuthHost() {
        assertThat(withUrls("https://auth.halopsa.com/auth", "https://acme.halopsa.com/api").instance())
                .isEqualTo("acme.halopsa.com");
    }

    private static HaloCredentials withUrls(String authUrl, String resourceUrl) {
        return new HaloCredentials(authUrl, resourceUrl, "acme", "client-1", "secret", null);
    }
}
