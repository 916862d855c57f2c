package com.halopsaconnector.halo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Ticket JSON read the default way (decimals as doubles), as the sync reads Halo's API answers. */
class HaloTicketJsonTest {

    final ObjectMapper json = new ObjectMapper();
    final HaloTicketJson tickets = new HaloTicketJson(json);

    @Test
    void numbersNoDoubleCanHold_areKeptAsText_notAFailure() throws Exception {
        Map<String, Object> fields = tickets.snapshot(json.readTree("""
                {"id":1,"status_id":1e400,"agent_id":-1e400,"priority_id":1e-400,"client_id":%s}"""
                .formatted("7".repeat(400)))).fields();

        assertThat(fields)
                .containsEntry("status_id", "Infinity")
                .containsEntry("agent_id", "-Infinity")
                .containsEntry("priority_id", BigDecimal.ZERO)
                .containsEntry("client_id", "7".repeat(400));
    }

    @Test
    void ordinaryNumbers_stayNumbers() throws Exception {
        Map<String, Object> fields = tickets.snapshot(json.readTree("{\"id\":1,\"status_id\":9,\"priority_id\":2.5}")).fields();

        assertThat(fields).containsEntry("status_id", new BigDecimal(9)).containsEntry("priority_id", new BigDecimal("2.5"));
    }
}
