package com.halopsaconnector.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.halopsaconnector.testsupport.HostileHalo;
import com.halopsaconnector.testsupport.HostileHalo.Answer;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * {@code POST /sync} answers inside API Gateway's 29 s whatever Halo does: a body that never ends
 * but keeps coming (so no idle timeout fires), on a ticket page or on the token the run must fetch
 * first, is cut at the run's deadline (3 s in this profile), and the run ends failed, in plain words.
 * The bound asserted is the product's (29 s), far above the 3 s plus what a slow machine adds.
 */
@QuarkusTest
@TestProfile(ShortSyncBudgetProfile.class)
@QuarkusTestResource(TestEnvironment.class)
class SlowHaloDeadlineTest {

    static final Duration API_GATEWAY_LIMIT = Duration.ofSeconds(29);

    @Inject
    Table table;

    HostileHalo halo;
    String tenant;

    @BeforeEach
    void setUp() {
        halo = HostileHalo.start();
        tenant = "tenant-" + UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        halo.close();
        table.deleteItemsOf(halo.budgetPk());
    }

    @Test
    void aTicketPageThatNeverEnds_isCutAtTheRunsDeadline() {
        SyncApi.save(tenant, body()).statusCode(200);
        halo.pages(Answer.DRIPPING);

        long started = System.nanoTime();
        SyncApi.sync(tenant).statusCode(200).body("state", equalTo("failed"))
                .body("error", containsString("did not arrive whole"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(API_GATEWAY_LIMIT);
    }

    @Test
    void aTokenThatNeverEnds_isCutAtTheRunsDeadline() {
        // Save's token lasts 30 s: too little to reuse, so the run asks for another, which drips.
        halo.tokenLifetime(30).laterTokens(Answer.DRIPPING);
        SyncApi.save(tenant, body()).statusCode(200);

        long started = System.nanoTime();
        SyncApi.sync(tenant).statusCode(200).body("state", equalTo("failed"))
                .body("error", containsString("the Auth URL"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(API_GATEWAY_LIMIT);
    }

    private Map<String, Object> body() {
        return SyncApi.body(halo.authUrl(), halo.resourceUrl());
    }
}
