package com.halopsaconnector.store.webhook;

import java.util.List;

import software.amazon.awssdk.services.dynamodb.model.CancellationReason;

/**
 * Why DynamoDB cancelled an event's transaction, read from its cancellation reasons, which come in
 * the order of the transaction's items: event, ticket (when written), connection.
 */
enum TransactionCancellation {
    TENANT_GONE, DUPLICATE_EVENT, TICKET_HOLDS_NEWER_DATA, CONFLICT, OTHER;

    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    private static final String TRANSACTION_CONFLICT = "TransactionConflict";

    static TransactionCancellation of(List<CancellationReason> reasons, boolean withTicket) {
        int expected = withTicket ? 3 : 2;
        if (reasons == null || reasons.size() != expected) {
            return OTHER;
        }
        if (failedCondition(reasons.get(expected - 1))) {
            return TENANT_GONE;
        }
        if (failedCondition(reasons.get(0))) {
            return DUPLICATE_EVENT;
        }
        if (withTicket && failedCondition(reasons.get(1))) {
            return TICKET_HOLDS_NEWER_DATA;
        }
        return reasons.stream().anyMatch(r -> TRANSACTION_CONFLICT.equals(r.code())) ? CONFLICT : OTHER;
    }

    private static boolean failedCondition(CancellationReason reason) {
        return CONDITION_FAILED.equals(reason.code());
    }
}
