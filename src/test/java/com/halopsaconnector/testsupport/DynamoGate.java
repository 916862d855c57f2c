package com.halopsaconnector.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * The WireMock gate every DynamoDB call of the application passes through (see {@link TestEnvironment}):
 * makes chosen calls fail, and tells which calls were made. Call {@link #recover()} after each test.
 */
public final class DynamoGate {

    public static final String GET_ITEM = "DynamoDB_20120810.GetItem";
    public static final String TRANSACT_WRITE_ITEMS = "DynamoDB_20120810.TransactWriteItems";
    private static final String TARGET = "X-Amz-Target";
    private static final int FAILURE_PRIORITY = 1;
    private static final int DETOUR_PRIORITY = 5;

    private final WireMock wireMock;
    private final List<StubMapping> overrides = new ArrayList<>();

    private DynamoGate(int port) {
        this.wireMock = new WireMock("127.0.0.1", port);
    }

    public static DynamoGate fromConfig() {
        return new DynamoGate(ConfigProvider.getConfig().getValue(TestEnvironment.DYNAMO_GATE_PORT, Integer.class));
    }

    /** Every DynamoDB call answers HTTP 500. */
    public DynamoGate failEverything() {
        return fail(any(anyUrl()), aResponse().withStatus(500));
    }

    /** Transactions whose request mentions {@code text} (e.g. an event id) answer HTTP 500. */
    public DynamoGate failTransactionsMentioning(String text) {
        return fail(any(anyUrl()).withHeader(TARGET, equalTo(TRANSACT_WRITE_ITEMS)).withRequestBody(containing(text)),
                aResponse().withStatus(500));
    }

    /** The next {@code times} transactions are cancelled with a TransactionConflict on their second item. */
    public DynamoGate conflictOnNextTransactions(int times, int itemsPerTransaction) {
        String state = Scenario.STARTED;
        for (int i = 1; i <= times; i++) {
            String next = "conflict-" + i;
            fail(any(anyUrl()).withHeader(TARGET, equalTo(TRANSACT_WRITE_ITEMS))
                    .inScenario("conflicts").whenScenarioStateIs(state).willSetStateTo(next),
                    transactionConflict(itemsPerTransaction));
            state = next;
        }
        return this;
    }

    /** Every transaction is cancelled with a TransactionConflict on its second item. */
    public DynamoGate conflictOnEveryTransaction(int itemsPerTransaction) {
        return fail(any(anyUrl()).withHeader(TARGET, equalTo(TRANSACT_WRITE_ITEMS)), transactionConflict(itemsPerTransaction));
    }

    /** Every call that does not fail goes to {@code baseUrl} instead of straight to moto. */
    public DynamoGate detourThrough(String baseUrl) {
        overrides.add(wireMock.register(any(anyUrl()).atPriority(DETOUR_PRIORITY)
                .willReturn(aResponse().proxiedFrom(baseUrl))));
        return this;
    }

    public void recover() {
        overrides.forEach(wireMock::removeStubMapping);
        overrides.clear();
        wireMock.resetScenarios();
    }

    public void forgetRequests() {
        wireMock.resetRequests();
    }

    /** The calls made since {@link #forgetRequests()}, by their X-Amz-Target. */
    public List<LoggedRequest> requests(String target) {
        return wireMock.find(anyRequestedFor(anyUrl()).withHeader(TARGET, equalTo(target)));
    }

    public List<LoggedRequest> allRequests() {
        return wireMock.find(anyRequestedFor(anyUrl()));
    }

    private DynamoGate fail(MappingBuilder request, ResponseDefinitionBuilder response) {
        overrides.add(wireMock.register(request.atPriority(FAILURE_PRIORITY).willReturn(response)));
        return this;
    }

    private static ResponseDefinitionBuilder transactionConflict(int items) {
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            reasons.add(i == 1 ? "{\"Code\":\"TransactionConflict\",\"Message\":\"Transaction is ongoing for the item\"}"
                    : "{\"Code\":\"None\"}");
        }
        return aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.0")
                .withBody("{\"__type\":\"com.amazonaws.dynamodb.v20120810#TransactionCanceledException\","
                        + "\"Message\":\"Transaction cancelled, please refer cancellation reasons for specific reasons\","
                        + "\"CancellationReasons\":[" + String.join(",", reasons) + "]}");
    }
}
