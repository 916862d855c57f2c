package com.halopsaconnector.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretHintTest {

    @Test
    void showsTheLastFourCharactersOfLongSecretsOnly() {
        assertThat(SecretHint.masked(SecretHint.of("abcdefgh-3f9a"))).isEqualTo("••••••3f9a");
        assertThat(SecretHint.masked(SecretHint.of("short-3f9a"))).isEqualTo("••••••");
    }

    @Test
    void callbackTokensAreLongUrlSafeAndDistinct() {
        CallbackToken first = CallbackToken.generate();
        assertThat(first.value()).matches("[A-Za-z0-9_-]{43}");
        assertThat(CallbackToken.generate().value()).isNotEqualTo(first.value());
        assertThat(first.sha256Hex()).hasSize(64).isNotEqualTo(first.value());
        assertThat(first.toString()).doesNotContain(first.value());
    }
}
