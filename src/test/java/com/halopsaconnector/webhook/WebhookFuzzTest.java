package com.halopsaconnector.webhook;

import static com.halopsaconnector.webhook.WebhookTestData.newTenant;
import static com.halopsaconnector.webhook.WebhookTestData.webhooksReceived;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.halopsaconnector.integration.TestConnections;
import com.halopsaconnector.testsupport.FuzzPayloads.FuzzCase;
import com.halopsaconnector.testsupport.FuzzPayloads;
import com.halopsaconnector.testsupport.FuzzReport;
import com.halopsaconnector.testsupport.RunTimeBound;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TableLayout;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reliability figure 2 (webhook half): generated and mutated deliveries ({@link FuzzPayloads#webhookCases},
 * drawn with jqwik from {@code fuzz.seed}) posted to the webhook route. None may get a 5xx; every
 * answer is 200, 400 or 413. After each round of {@code fuzz.round} cases the tenant's items must be
 * well-formed ({@link TableLayout}), and EVENT# items, {@code webhooksReceived} and the new events the
 * 200 answers reported must agree. Each round has its own connection, removed afterwards (moto copies
 * the whole table for every transaction item, so a table that only grows slows the long run).
 *
 * <p>{@code fuzz.webhook.cases} (default 1,000; the full run is 10,000, see docs/reliability.md).
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class WebhookFuzzTest {

    static final int CASES = Integer.getInteger("fuzz.webhook.cases", 400);
    static final long SEED = Long.getLong("fuzz.seed", 20261129L);
    static final int ROUND = Integer.getInteger("fuzz.round", 500);
    static final Path REPORT = Path.of(System.getProperty("fuzz.webhook.report", "target/reliability/fuzz-webhook.md"));
    /** Optional time bound of the run in seconds (none by default, see RunTimeBound). */
    static final String TIME_LIMIT_PROPERTY = "fuzz.webhook.time-limit";
    static final Set<Integer> RIGHT_ANSWERS = Set.of(200, 400, 413);

    @Inject
    Table table;

    @Test
    void generatedAndMutatedDeliveries_neverGet5xx_andLeaveOnlyWellFormedItems() {
        List<FuzzCase> cases = FuzzPayloads.draw(FuzzPayloads.webhookCases(), CASES, SEED);
        FuzzReport report = new FuzzReport("Webhook route fuzz");
        RunTimeBound deadline = RunTimeBound.fromProperty(TIME_LIMIT_PROPERTY);
        long eventsStored = 0;
        long itemsChecked = 0;
        boolean stuck = false;
        for (int from = 0; from < cases.size() && !stuck && !deadline.passed(); from += ROUND) {
            String tenant = newTenant();
            String token = TestConnections.connect(tenant);
            long newEvents = 0;
            boolean failedAnswers = false;
            for (int i = from; i < Math.min(cases.size(), from + ROUND) && !deadline.passed(); i++) {
                FuzzCase fuzzCase = cases.get(i);
                Response answer;
                try {
                    answer = given().config(FuzzReport.TIMEOUTS).contentType(fuzzCase.contentType()).body(fuzzCase.body())
                            .when().post(WebhookApi.PATH + token);
                } catch (RuntimeException noAnswer) {
                    // The application did not answer: its one Lambda thread is stuck, so nothing after this can be sent.
                    report.problem("webhook", i, fuzzCase, "got no answer within " + FuzzReport.ANSWER_TIMEOUT_SECONDS + " s ("
                            + noAnswer + ")");
                    stuck = true;
                    break;
                }
                int status = answer.statusCode();
                report.answered(fuzzCase, status);
                if (!RIGHT_ANSWERS.contains(status)) {
                    failedAnswers = true;
                    report.problem("webhook", i, fuzzCase, "answered " + status + " " + abbreviate(answer.asString()));
                } else if (status == 200) {
                    newEvents += answer.jsonPath().getInt("received") - answer.jsonPath().getInt("duplicates");
                }
            }
            if (stuck) {
                break;
            }
            List<Map<String, AttributeValue>> items = table.itemsOf("TENANT#" + tenant);
            long events = items.stream().filter(item -> item.get("sk").s().startsWith("EVENT#")).count();
            long received = webhooksReceived(table, tenant);
            TableLayout.problems(items).forEach(p -> report.problem("malformed item " + p));
            // A batch answered 5xx may have stored its first events without reporting them.
            if (events != received || (events != newEvents && !failedAnswers)) {
                report.problem("cases " + from + "..: " + events + " EVENT# items, webhooksReceived " + received + ", "
                        + newEvents + " new events reported by the answers");
            }
            eventsStored += events;
            itemsChecked += items.size();
            TestConnections.disconnect(tenant);
            table.deleteItemsOf("TENANT#" + tenant);
        }
        if (report.sent() < cases.size()) {
            report.problem(deadline + " reached after " + report.sent() + " cases");
        }
        report.fact("events stored (EVENT# items, = webhooksReceived)", eventsStored);
        report.fact("items checked for well-formedness", itemsChecked);
        report.write(REPORT, "cases=" + CASES + ", seed=" + SEED + ", round=" + ROUND);

        assertThat(report.problems()).as("fuzz problems (report: %s)", REPORT).isEmpty();
    }

    static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
