package com.halopsaconnector.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.halopsaconnector.domain.FieldError;
import com.halopsaconnector.domain.InvalidInputException;
import com.halopsaconnector.domain.Sha256;
import com.halopsaconnector.domain.WebhookEvent;
import com.halopsaconnector.halo.HaloTicketJson;
import com.halopsaconnector.testsupport.HaloStubs.Samples;

class DeliveryParserTest {

    final DeliveryParser parser = parser();

    static DeliveryParser parser() {
        ObjectMapper json = new ObjectMapper();
        WebhookEventReader reader = new WebhookEventReader();
        reader.tickets = new HaloTicketJson(json);
        DeliveryParser parser = new DeliveryParser();
        parser.json = json;
        parser.eventReader = reader;
        return parser;
    }

    List<WebhookEvent> parse(String body) {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void fullObjectPayload_givesTheEventAndItsTicketData() {
        WebhookEvent event = parse(Samples.read("webhook-full-object.json")).get(0);

        assertThat(event.key()).isEqualTo("5f0c7a3e-2b9d-4c41-9a57-0d6f3b1e8c22");
        assertThat(event.name()).isEqualTo("ticket status changed");
        assertThat(event.ticketId()).isEqualTo("4242");
        assertThat(event.webhookId()).isEqualTo("b1a6e2f0-7c3d-4e8a-9f10-2d4c6b8a0e13");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-28T05:00:00Z"));
        assertThat(event.rawJson()).contains("\"escmsg_id\":\"c9e1d2f3-a4b5-4c6d-8e7f-901a2b3c4d5e\"");
        assertThat(event.ticket().lastUpdate()).isEqualTo(Instant.parse("2026-11-28T05:00:00Z"));
        assertThat(event.ticket().fields())
                .containsEntry("summary", "Printer on the 2nd floor is jammed")
                .containsEntry("status_id", new BigDecimal(9))
                .containsEntry("team", "Service Desk")
                .doesNotContainKey("details");
        assertThat(event.ticket().json()).contains("\"hasbeenclosed\":true");
    }

    @Test
    void eventInformationOnlyPayload_namesTheTicketWithoutData() {
        WebhookEvent event = parse(Samples.read("webhook-event-only.json")).get(0);

        assertThat(event.ticketId()).isEqualTo("4243");
        assertThat(event.name()).isEqualTo("Tickets Changed");
        assertThat(event.occurredAt()).isNull();
        assertThat(event.ticket()).isNull();
    }

    @Test
    void batch_givesOneEventPerElement_withNumberAndStringIdsNormalised() {
        List<WebhookEvent> events = parse(Samples.read("webhook-batch.json"));

        assertThat(events).extracting(WebhookEvent::ticketId).containsExactly("5001", "5002");
        assertThat(events.get(0).ticket().fields()).containsEntry("summary", "New laptop for Jo");
        assertThat(events.get(1).ticket()).isNull();
    }

    @Test
    void ticketObjectWithOnlyItsId_countsAsNoTicketData() {
        WebhookEvent event = parse("{\"id\":\"e1\",\"object_id\":7,\"ticket\":{\"id\":7}}").get(0);

        assertThat(event.ticketId()).isEqualTo("7");
        assertThat(event.ticket()).isNull();
    }

    @Test
    void eventWithoutId_isKeyedByTheHashOfItsReserialisedJson() {
        WebhookEvent event = parse("{ \"event\" : \"ticket updated\",  \"object_id\": 7 }").get(0);

        assertThat(event.rawJson()).isEqualTo("{\"event\":\"ticket updated\",\"object_id\":7}");
        assertThat(event.key()).isEqualTo(Sha256.hex(event.rawJson()));
    }

    @Test
    void eventNamingNoTicket_isStillAnEvent() {
        WebhookEvent event = parse("{\"id\":\"e2\",\"event\":\"client updated\",\"object_id\":\"C-9\"}").get(0);

        assertThat(event.key()).isEqualTo("e2");
        assertThat(event.ticketId()).isNull();
    }

    @Test
    void bodyOfExactlyTheLimit_isAccepted_andOneByteMoreIsTooLarge() {
        String prefix = "{\"id\":\"big\",\"pad\":\"";
        String suffix = "\"}";
        String exact = prefix + "x".repeat(DeliveryParser.MAX_BODY_BYTES - prefix.length() - suffix.length()) + suffix;
        assertThat(exact.getBytes(StandardCharsets.UTF_8)).hasSize(DeliveryParser.MAX_BODY_BYTES);

        assertThat(parse(exact)).hasSize(1);
        assertThatThrownBy(() -> parse(exact + " ")).isInstanceOf(PayloadTooLargeException.class);
    }

    @Test
    void batchOfTheMostEventsAllowed_isAccepted_andOneEventMoreIsTooLarge() {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < DeliveryParser.MAX_EVENTS; i++) {
            events.add("{\"id\":\"e" + i + "\",\"object_id\":" + i + "}");
        }
        assertThat(parse("[" + String.join(",", events) + "]")).hasSize(500);

        events.add("{\"id\":\"one-too-many\"}");
        assertThatThrownBy(() -> parse("[" + String.join(",", events) + "]"))
                .isInstanceOf(PayloadTooLargeException.class)
                .hasMessageContaining("at most 500 events").hasMessageContaining("501")
                .hasMessageContaining("batch size");
    }

    @Test
    void extremeNumbersInTicketFields_areKeptAsTheTextHaloSent() {
        String digits400 = "9".repeat(400);
        WebhookEvent event = parse("""
                {"id":"e3","object_id":7,"ticket":{"id":7,"status_id":1e400,"agent_id":-1e400,"priority_id":1e-400,\
                "client_id":%s,"tickettype_id":12345678901234567890123456789012345678e99}}""".formatted(digits400)).get(0);

        assertThat(event.ticket().fields())
                .containsEntry("status_id", "1E+400")
                .containsEntry("agent_id", "-1E+400")
                .containsEntry("priority_id", "1E-400")
                .containsEntry("client_id", digits400)
                .containsEntry("tickettype_id", "1.2345678901234567890123456789012345678E+136");
        assertThat(event.rawJson()).contains("\"status_id\":1E+400", "\"agent_id\":-1E+400", "\"priority_id\":1E-400",
                "\"client_id\":" + digits400);
    }

    @Test
    void numbersWithinDynamoDbsRange_stayNumbers_andThoseJustOutsideBecomeText() {
        WebhookEvent event = parse("""
                {"id":"e4","object_id":7,"ticket":{"id":7,"status_id":9.9999999999999999999999999999999999999E+125,\
                "agent_id":1E+126,"priority_id":1E-130,"client_id":1E-131,"tickettype_id":0E-2147483647,\
                "lastactiondate":123456789012345678901234567890123456789}}""").get(0);

        Map<String, Object> fields = event.ticket().fields();
        assertThat(fields.get("status_id")).isEqualTo(new BigDecimal("9.9999999999999999999999999999999999999E+125"));
        assertThat(fields.get("agent_id")).isEqualTo("1E+126");
        assertThat(fields.get("priority_id")).isEqualTo(new BigDecimal("1E-130"));
        assertThat(fields.get("client_id")).isEqualTo("1E-131");
        assertThat(fields.get("tickettype_id")).isEqualTo(BigDecimal.ZERO);
        assertThat(fields.get("lastactiondate")).isEqualTo("123456789012345678901234567890123456789");
    }

    @Test
    void extremeNumbersAsIds_nameNoTicket_butTheEventIsKept() {
        String digits400 = "1".repeat(400);
        List<WebhookEvent> events = parse("""
                [{"id":%s,"object_id":%s,"ticket":{"id":%s,"summary":"s"}},
                 {"id":1e400,"object_id":1e400,"ticket":{"id":-1e400,"summary":"s"}},
                 {"id":"e5","object_id":1e-400}]""".formatted(digits400, digits400, digits400));

        assertThat(events).extracting(WebhookEvent::ticketId).containsOnlyNulls();
        assertThat(events).extracting(WebhookEvent::ticket).containsOnlyNulls();
        assertThat(events).extracting(WebhookEvent::key).containsExactly(Sha256.hex(digits400), "1E+400", "e5");
    }

    @Test
    void numberTooLargeToRead_isInvalidInputNamingTheBody() {
        Map<String, String> messages = Map.of(
                "{\"id\":\"e6\",\"object_id\":1e2147483648}", DeliveryParser.NUMBER_OUT_OF_RANGE,
                "{\"id\":\"e7\",\"ticket\":{\"status_id\":1e-2147483649}}", DeliveryParser.NUMBER_OUT_OF_RANGE,
                "{\"id\":\"e8\",\"object_id\":" + "1".repeat(1001) + "}", DeliveryParser.BEYOND_READING_LIMITS,
                "{\"id\":\"e9\",\"ticket\":" + "[".repeat(1001) + "]".repeat(1001) + "}", DeliveryParser.BEYOND_READING_LIMITS);
        messages.forEach((body, message) -> assertThatThrownBy(() -> parse(body)).as(body.substring(0, 30))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).containsExactly(new FieldError("body", message))));
    }

    @Test
    void bodyThatIsNotAnObjectOrArrayOfObjects_isInvalid() {
        for (String body : List.of("not json", "\"a string\"", "[1,2]", "[{}, 3]", "42", "null", "", "{} {}")) {
            assertThatThrownBy(() -> parse(body)).as(body)
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("body"));
        }
    }
}
