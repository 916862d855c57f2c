package com.halopsaconnector.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TicketIdsTest {

    @Test
    void numberStringAndPaddedForms_nameTheSameTicket() {
        assertThat(TicketIds.normalise("5002")).contains("5002");
        assertThat(TicketIds.normalise(" 5002 ")).contains("5002");
        assertThat(TicketIds.normalise("0005002")).contains("5002");
    }

    @Test
    void textThatIsNoWholeNumber_namesNoTicket() {
        assertThat(TicketIds.normalise("abc")).isEmpty();
        assertThat(TicketIds.normalise("-1")).isEmpty();
        assertThat(TicketIds.normalise("50.5")).isEmpty();
        assertThat(TicketIds.normalise("")).isEmpty();
        assertThat(TicketIds.normalise(null)).isEmpty();
    }
}
