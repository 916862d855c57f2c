package com.halopsaconnector.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookEventTest {

    static final String RAW = "{\"event\":\"ticket updated\",\"object_id\":7}";

    @Test
    void haloId_isTheKey() {
        assertThat(WebhookEvent.keyFor("5f0c7a3e-2b9d-4c41-9a57-0d6f3b1e8c22", RAW))
                .isEqualTo("5f0c7a3e-2b9d-4c41-9a57-0d6f3b1e8c22");
    }

    @Test
    void eventWithoutId_isKeyedByTheHashOfItsJson() {
        assertThat(WebhookEvent.keyFor(null, RAW)).isEqualTo(Sha256.hex(RAW)).hasSize(64);
        assertThat(WebhookEvent.keyFor("  ", RAW)).isEqualTo(Sha256.hex(RAW));
    }

    @Test
    void overlongId_isReplacedByItsHash() {
        String longest = "a".repeat(WebhookEvent.MAX_ID_LENGTH);
        assertThat(WebhookEvent.keyFor(longest, RAW)).isEqualTo(longest);
        assertThat(WebhookEvent.keyFor(longest + "b", RAW)).isEqualTo(Sha256.hex(longest + "b"));
    }
}
