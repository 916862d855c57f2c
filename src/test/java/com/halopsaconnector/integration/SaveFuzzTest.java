package com.halopsaconnector.integration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.halopsaconnector.testsupport.FuzzPayloads.FuzzCase;
import com.halopsaconnector.testsupport.FuzzPayloads;
import com.halopsaconnector.testsupport.FuzzReport;
import com.halopsaconnector.testsupport.HaloStubs;
import com.halopsaconnector.testsupport.RunTimeBound;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TableLayout;
import com.halopsaconnector.testsupport.TestEnvironment;
import com.halopsaconnector.testsupport.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reliability figure 2 (config half): generated and mutated Save And Sync bodies
 * ({@link FuzzPayloads#saveCases}, drawn with jqwik from {@code fuzz.seed}) sent as
 * {@code PUT /v1/integrations/halo} by one tenant's admin. WireMock plays Halo and accepts any
 * client, so every body that passes validation is really saved (and its sync started). None may get
 * a 5xx. Afterwards the tenant's items are well-formed, the connection still points at the only URLs
 * that were ever valid, its callback-token item belongs to the tenant, and the view reads back.
 *
 * <p>{@code fuzz.save.cases} (default 1,000; the full run is 2,000, see docs/reliability.md).
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class SaveFuzzTest {

    static final int CASES = Integer.getInteger("fuzz.save.cases", 400);
    static final long SEED = Long.getLong("fuzz.seed", 20261129L);
    static final Path REPORT = Path.of(System.getProperty("fuzz.save.report", "target/reliability/fuzz-save.md"));
    /** Optional time bound of the run in seconds (none by default, see RunTimeBound). */
    static final String TIME_LIMIT_PROPERTY = "fuzz.save.time-limit";
    static final Set<Integer> RIGHT_ANSWERS = Set.of(200, 400, 415);

    @Inject
    Table table;

    @Test
    void generatedAndMutatedSaveBodies_neverGet5xx_andLeaveAWellFormedConnection() {
        HaloStubs halo = HaloStubs.fromConfig().acceptsAnyClient().servesTickets();
        String tenant = "tenant-fuzz-" + UUID.randomUUID();
        String admin = TestTokens.admin(tenant);
        HaloIntegrationApi.save(admin, FuzzPayloads.validSaveBody(halo.authUrl(), halo.resourceUrl())).statusCode(200);
        List<FuzzCase> cases = FuzzPayloads.draw(FuzzPayloads.saveCases(halo.authUrl(), halo.resourceUrl()), CASES, SEED);
        FuzzReport report = new FuzzReport("Save And Sync (PUT /v1/integrations/halo) fuzz");
        RunTimeBound deadline = RunTimeBound.fromProperty(TIME_LIMIT_PROPERTY);

        for (int i = 0; i < cases.size() && !deadline.passed(); i++) {
            FuzzCase fuzzCase = cases.get(i);
            Response answer;
            try {
                answer = given().config(FuzzReport.TIMEOUTS).auth().oauth2(admin).contentType(fuzzCase.contentType())
                        .body(fuzzCase.body()).when().put(HaloIntegrationApi.PATH);
            } catch (RuntimeException noAnswer) {
                // The application did not answer: its one Lambda thread is stuck, so nothing after this can be sent.
                report.problem("save", i, fuzzCase, "got no answer within " + FuzzReport.ANSWER_TIMEOUT_SECONDS + " s (" + noAnswer + ")");
                break;
            }
            int status = answer.statusCode();
            report.answered(fuzzCase, status);
            if (!RIGHT_ANSWERS.contains(status)) {
                report.problem("save", i, fuzzCase, "answered " + status + " " + abbreviate(answer.asString()));
            }
        }
        if (report.sent() < cases.size()) {
            report.problem(deadline + " reached after " + report.sent() + " cases");
        }

        List<Map<String, AttributeValue>> items = table.itemsOf("TENANT#" + tenant);
        TableLayout.problems(items).forEach(p -> report.problem("malformed item " + p));
        Map<String, AttributeValue> connection = table.item("TENANT#" + tenant, "CONFIG").orElse(Map.of());
        if (!halo.authUrl().equals(text(connection, "authUrl")) || !halo.resourceUrl().equals(text(connection, "resourceUrl"))) {
            report.problem("connection points at " + text(connection, "authUrl") + " / " + text(connection, "resourceUrl"));
        }
        String tokenHash = text(connection, "callbackTokenHash");
        Optional<Map<String, AttributeValue>> tokenItem = table.item("TOKEN#" + tokenHash, "TOKEN");
        if (tokenItem.isEmpty() || !tenant.equals(text(tokenItem.get(), "tenant"))) {
            report.problem("the connection's callback-token item is missing or names another tenant");
        } else {
            TableLayout.problems(List.of(tokenItem.get())).forEach(p -> report.problem("malformed item " + p));
        }
        int view = HaloIntegrationApi.show(admin).extract().statusCode();
        if (view != 200) {
            report.problem("GET after the run answered " + view);
        }
        report.fact("tenant items checked for well-formedness", items.size() + 1);
        report.write(REPORT, "cases=" + CASES + ", seed=" + SEED);

        assertThat(report.problems()).as("fuzz problems (report: %s)", REPORT).isEmpty();
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
