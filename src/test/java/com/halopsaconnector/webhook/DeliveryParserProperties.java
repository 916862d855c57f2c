package com.halopsaconnector.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.halopsaconnector.domain.InvalidInputException;
import com.halopsaconnector.domain.WebhookEvent;
import com.halopsaconnector.testsupport.FuzzPayloads;
import com.halopsaconnector.testsupport.FuzzPayloads.FuzzCase;
import com.halopsaconnector.testsupport.LoneSurrogates;
import com.halopsaconnector.testsupport.TableLayout;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * jqwik properties of the delivery parser, on the payloads of the webhook fuzz run
 * ({@link FuzzPayloads#webhookCases}), raw bytes included: whatever the body, the parser either
 * refuses it as bad input (400 / 413) or returns events the store can hold (key within limits, raw
 * JSON an object, no unpaired surrogate, numbers DynamoDB accepts, a ticket item under 400 KB). The same payloads go through the whole route in
 * {@link WebhookFuzzTest}.
 */
class DeliveryParserProperties {

    static final ObjectMapper JSON = new ObjectMapper();
    final DeliveryParser parser = DeliveryParserTest.parser();

    @Provide
    Arbitrary<FuzzCase> payloads() {
        return FuzzPayloads.webhookCases();
    }

    @Property(tries = 1000)
    void anyPayload_isRefusedAsBadInput_orGivesStorableEvents(@ForAll("payloads") FuzzCase payload) throws Exception {
        List<WebhookEvent> events;
        try {
            events = parser.parse(payload.body());
        } catch (InvalidInputException | PayloadTooLargeException refused) {
            return;
        }
        for (WebhookEvent event : events) {
            assertThat(event.key()).isNotBlank().hasSizeLessThanOrEqualTo(WebhookEvent.MAX_ID_LENGTH);
            assertThat(JSON.readTree(event.rawJson()).isObject()).as("raw is a JSON object").isTrue();
            assertThat(LoneSurrogates.in(event.rawJson())).as("raw holds an unpaired surrogate").isFalse();
            if (event.ticketId() != null) {
                assertThat(event.ticketId()).matches("0|[1-9]\\d{0,29}");
            }
            if (event.ticket() != null) {
                assertThat(event.ticketId()).isNotNull();
                long itemBytes = utf8(event.ticket().json());
                for (Object value : event.ticket().fields().values()) {
                    storableValue(value);
                    itemBytes += value == null ? 0 : utf8(value.toString());
                }
                assertThat(itemBytes).as("ticket item size").isLessThan(TableLayout.MAX_ITEM_BYTES);
            }
        }
    }

    /** A tracked ticket field's value as the store writes it: text, a boolean, null, or a number DynamoDB accepts. */
    static void storableValue(Object value) {
        if (value instanceof BigDecimal number) {
            assertThat(number.precision()).as("digits of %s", number).isLessThanOrEqualTo(38);
            if (number.signum() != 0) {
                int magnitude = number.precision() - number.scale() - 1;
                assertThat(magnitude).as("exponent of %s", number).isBetween(-130, 125);
            }
        } else if (value != null) {
            assertThat(value).isInstanceOfAny(String.class, Boolean.class);
        }
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
