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

    @Test
    void idsOfUpTo30Digits_nameATicket_andLongerOnesNone() {
        assertThat(TicketIds.normalise("9".repeat(30))).contains("9".repeat(30));
        assertThat(TicketIds.normalise("0".repeat(29) + "7")).contains("7");
        assertThat(TicketIds.normalise("9".repeat(31))).isEmpty();
        assertThat(TicketIds.normalise("1".repeat(400))).isEmpty();
        assertThat(TicketIds.normalise("1E+400")).isEmpty();
        assertThat(TicketIds.normalise("Infinity")).isEmpty();
    }
}
