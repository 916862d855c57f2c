package com.halopsaconnector.store.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.model.CancellationReason;

class TransactionCancellationTest {

    static List<CancellationReason> reasons(String... codes) {
        return Arrays.stream(codes).map(code -> CancellationReason.builder().code(code).build()).toList();
    }

    @Test
    void failedEventCondition_meansDuplicate() {
        assertThat(TransactionCancellation.of(reasons("ConditionalCheckFailed", "None", "None"), true))
                .isEqualTo(TransactionCancellation.DUPLICATE_EVENT);
        assertThat(TransactionCancellation.of(reasons("ConditionalCheckFailed", "None"), false))
                .isEqualTo(TransactionCancellation.DUPLICATE_EVENT);
    }

    @Test
    void failedTicketCondition_meansTheTicketHoldsNewerData() {
        assertThat(TransactionCancellation.of(reasons("None", "ConditionalCheckFailed", "None"), true))
                .isEqualTo(TransactionCancellation.TICKET_HOLDS_NEWER_DATA);
    }

    @Test
    void failedConnectionCondition_meansTheTenantIsGone_evenForADuplicate() {
        assertThat(TransactionCancellation.of(reasons("None", "None", "ConditionalCheckFailed"), true))
                .isEqualTo(TransactionCancellation.TENANT_GONE);
        assertThat(TransactionCancellation.of(reasons("ConditionalCheckFailed", "ConditionalCheckFailed"), false))
                .isEqualTo(TransactionCancellation.TENANT_GONE);
    }

    @Test
    void transactionConflict_isRetryable() {
        assertThat(TransactionCancellation.of(reasons("None", "TransactionConflict", "None"), true))
                .isEqualTo(TransactionCancellation.CONFLICT);
    }

    @Test
    void anythingElse_isAnOtherFailure() {
        assertThat(TransactionCancellation.of(reasons("None", "ThrottlingError", "None"), true))
                .isEqualTo(TransactionCancellation.OTHER);
        assertThat(TransactionCancellation.of(reasons("ConditionalCheckFailed"), true))
                .isEqualTo(TransactionCancellation.OTHER);
        assertThat(TransactionCancellation.of(null, true)).isEqualTo(TransactionCancellation.OTHER);
    }
}
