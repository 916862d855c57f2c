package com.halopsaconnector.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

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

    @Test
    void timesAfterTheLimit_areReplaced_andTheEventFlagged_theRawJsonKept() {
        Instant received = Instant.parse("2026-11-28T05:00:00Z");
        Instant farFuture = Instant.parse("9999-12-31T23:59:59Z");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("summary", "s");
        fields.put("last_update", "9999-12-31T23:59:59Z");
        WebhookEvent event = new WebhookEvent("e1", "ticket updated", "7", "wh", farFuture, RAW,
                new TicketSnapshot(fields, farFuture, "{\"last_update\":\"9999-12-31T23:59:59Z\"}"));

        WebhookEvent limited = event.withTimesNoLaterThan(received.plus(Duration.ofMinutes(5)), received);

        assertThat(limited.futureTimeClamped()).isTrue();
        assertThat(limited.occurredAt()).isEqualTo(received);
        assertThat(limited.ticket().lastUpdate()).isEqualTo(received);
        assertThat(limited.ticket().fields()).containsEntry("last_update", "2026-11-28T05:00:00.000Z").containsEntry("summary", "s");
        assertThat(limited.ticket().json()).contains("9999-12-31");
        assertThat(limited.rawJson()).isEqualTo(RAW);
        assertThat(event.ticket().fields()).containsEntry("last_update", "9999-12-31T23:59:59Z");
    }

    @Test
    void onlyTheTimeAfterTheLimit_isReplaced() {
        Instant received = Instant.parse("2026-11-28T05:00:00Z");
        Instant limit = received.plus(Duration.ofMinutes(5));
        Instant genuine = received.plus(Duration.ofMinutes(4));
        WebhookEvent futureStamp = new WebhookEvent("e2", null, "7", null, limit.plusMillis(1), RAW,
                new TicketSnapshot(Map.of(), genuine, "{}"));

        WebhookEvent limited = futureStamp.withTimesNoLaterThan(limit, received);

        assertThat(limited.futureTimeClamped()).isTrue();
        assertThat(limited.occurredAt()).isEqualTo(received);
        assertThat(limited.ticket().lastUpdate()).isEqualTo(genuine);
    }

    @Test
    void timesUpToTheLimit_orAbsent_leaveTheEventAsItIs() {
        Instant limit = Instant.parse("2026-11-28T05:05:00Z");
        WebhookEvent atLimit = new WebhookEvent("e3", null, "7", null, limit, RAW, new TicketSnapshot(Map.of(), limit, "{}"));
        WebhookEvent timeless = new WebhookEvent("e4", null, "7", null, null, RAW, null);

        assertThat(atLimit.withTimesNoLaterThan(limit, Instant.EPOCH)).isSameAs(atLimit);
        assertThat(timeless.withTimesNoLaterThan(limit, Instant.EPOCH)).isSameAs(timeless);
        assertThat(atLimit.futureTimeClamped()).isFalse();
    }
}
