package com.halopsaconnector.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlOriginTest {

    @ParameterizedTest
    @CsvSource({
        "https://acme.halopsa.com/auth, https://acme.halopsa.com:443/other",
        "https://ACME.halopsa.com/auth, https://acme.halopsa.com/auth/",
        "http://localhost/auth, http://localhost:80/api",
        "HTTPS://acme.halopsa.com:8443/auth, https://acme.halopsa.com:8443/api",
    })
    void sameSchemeHostAndPort_isOneOrigin(String first, String second) {
        assertThat(UrlOrigin.same(first, second)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "https://acme.halopsa.com/auth, https://evil.example/auth",
        "https://acme.halopsa.com/auth, https://acme.halopsa.com:8443/auth",
        "https://acme.halopsa.com/auth, http://acme.halopsa.com/auth",
        "https://acme.halopsa.com/auth, https://acme.halopsa.com.evil.example/auth",
        "http://localhost:80/auth, http://localhost:8080/auth",
    })
    void anyOtherSchemeHostOrPort_isAnotherOrigin(String first, String second) {
        assertThat(UrlOrigin.same(first, second)).isFalse();
    }

    @Test
    void unreadableUrls_haveNoOrigin_andAreNeverTheSame() {
        assertThat(UrlOrigin.of("not a url")).isEmpty();
        assertThat(UrlOrigin.of("acme.halopsa.com/auth")).isEmpty();
        assertThat(UrlOrigin.same("not a url", "not a url")).isFalse();
    }
}
