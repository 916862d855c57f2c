package com.halopsaconnector.integration;

import static com.halopsaconnector.integration.HaloIntegrationApi.adminOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.halopsaconnector.testsupport.HaloStubs;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** With the guard on, no URL may lead the client secret anywhere but a public https host. */
@QuarkusTest
@TestProfile(StrictUrlGuardProfile.class)
@QuarkusTestResource(TestEnvironment.class)
class OutboundUrlGuardTest {

    @Inject
    Table table;

    @ParameterizedTest
    @ValueSource(strings = {
        "http://acme.halopsa.com/auth",
        "https://127.0.0.1/auth",
        "https://10.0.0.5/auth",
        "https://172.16.3.4/auth",
        "https://192.168.1.10/auth",
        "https://169.254.169.254/latest/meta-data",
        "https://[::1]/auth",
        "https://[fd00:ec2::254]/auth",
        "https://0.0.0.0/auth",
        "https://localhost/auth",
        "https://user:pass@acme.halopsa.com/auth",
        "https://[::127.0.0.1]/auth",
        "https://[::ffff:127.0.0.1]/auth",
        "https://[::ffff:169.254.169.254]/auth",
        "https://[64:ff9b::a9fe:a9fe]/auth",
        "https://[2002:a9fe:a9fe::1]/auth",
        "https://[2001:0:a9fe:a9fe::1]/auth",
        "https://[2001:db8::1]/auth",
        "https://100.64.0.1/auth",
        "https://198.18.0.1/auth",
        "https://192.0.0.8/auth",
        "https://192.0.2.10/auth",
        "https://198.51.100.7/auth",
        "https://203.0.113.9/auth",
        "https://240.0.0.1/auth",
        "https://255.255.255.255/auth",
    })
    void refusedAuthUrl_isInvalidInput_andNothingIsCalledOrStored(String url) {
        HaloStubs halo = HaloStubs.fromConfig().acceptsAnyClient().servesTickets();
        String tenant = "tenant-" + UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("authUrl", url);
        body.put("resourceUrl", url);
        body.put("tenant", "acme");
        body.put("clientId", "client-1");
        body.put("clientSecret", "secret-" + UUID.randomUUID());

        HaloIntegrationApi.save(adminOf(tenant), body).statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/invalid-input"))
                .body("errors.field", hasItem("authUrl"))
                .body("errors.field", hasItem("resourceUrl"));
        HaloIntegrationApi.test(adminOf(tenant), body).statusCode(400);

        halo.wireMock().verifyThat(0, com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
        assertThat(table.itemsOf("TENANT#" + tenant)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://acme.halopsa.com/auth", "acme.halopsa.com/auth", "https://acme.halopsa.com/auth?x=1"})
    void malformedUrl_isNamedInTheErrors(String url) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("authUrl", url);
        body.put("resourceUrl", "https://acme.halopsa.com/api");
        body.put("clientId", "client-1");
        body.put("clientSecret", "secret");
        HaloIntegrationApi.save(adminOf("tenant-" + UUID.randomUUID()), body).statusCode(400)
                .body("errors[0].field", equalTo("authUrl"));
    }
}
