package com.halopsaconnector.settingspage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

import com.halopsaconnector.standin.StandInCredentials;
import com.halopsaconnector.standin.StandInHalo;
import com.halopsaconnector.testsupport.HaloStubs.Samples;
import com.halopsaconnector.testsupport.HeadlessChromium;
import com.halopsaconnector.testsupport.TestEnvironment;
import com.halopsaconnector.testsupport.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * A newcomer's whole job in a real (headless) browser against the running app and the local run's
 * stand-in Halo: fill the five fields, Save And Sync, copy the webhook URL, have "Halo" post to it,
 * watch the counters; and what a wrong secret or a missing field looks like. Screenshots of each
 * state go to {@link SettingsPageScreen#SCREENSHOTS}.
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
@TestProfile(SettingsPageProfile.class)
class SettingsPageBrowserTest {

    static final String WEBHOOK_PATH = "/v1/webhooks/halo/";

    static StandInHalo halo;
    static ChromeDriver driver;
    SettingsPageScreen page;

    @BeforeAll
    static void startHaloAndBrowser() {
        halo = StandInHalo.start(0, StandInCredentials.DEFAULT);
        driver = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (halo != null) {
            halo.close();
        }
        Files.deleteIfExists(Path.of(SettingsPageProfile.DEV_TOKEN_FILE));
    }

    @BeforeEach
    void signInAsANewTenant() throws IOException {
        Path tokenFile = Path.of(SettingsPageProfile.DEV_TOKEN_FILE);
        Files.createDirectories(tokenFile.getParent());
        Files.writeString(tokenFile, TestTokens.admin("browser-" + UUID.randomUUID()));
        page = new SettingsPageScreen(driver);
        page.open(appUrl() + "/");
    }

    @Test
    void saveAndSync_showsTheWebhookUrl_andADeliveryMovesTheCounters() {
        assertThat(page.isShown("webhook")).isFalse();
        page.screenshot("1-empty-form");

        fillWith(StandInCredentials.DEFAULT.clientSecret());
        page.press("save");

        assertThat(page.shownText("form-alert")).contains("Connected");
        String webhookUrl = page.value("webhook-url");
        assertThat(webhookUrl).startsWith(appUrl() + WEBHOOK_PATH);
        assertThat(page.text("webhook")).contains("Configuration > Integrations > Webhooks", "Payload URL", "Tickets Changed");
        assertThat(page.value("clientSecret")).isEmpty();
        assertThat(page.placeholder("clientSecret")).startsWith("••••••6789");
        page.press("sync-now");
        assertThat(page.shownText("action-result")).isEqualTo("Sync run finished; the status above is current.");
        assertThat(Integer.parseInt(page.text("tickets-synced"))).isPositive();
        assertThat(page.text("deliveries")).isEqualTo("0");
        assertThat(page.text("last-webhook")).isEqualTo("None yet");
        page.screenshot("2-connected");

        given().contentType("application/json").body(Samples.read("webhook-full-object.json"))
                .when().post(webhookUrl).then().statusCode(200).body("received", equalTo(1));

        page.waitUntil(driver -> page.text("deliveries").equals("1"));
        assertThat(page.text("last-webhook")).isNotEqualTo("None yet");
        page.screenshot("3-delivery-received");

        page.pressAndConfirm("rotate");
        page.waitUntil(driver -> !page.value("webhook-url").equals(webhookUrl));
        given().contentType("application/json").body(Samples.read("webhook-full-object.json"))
                .when().post(webhookUrl).then().statusCode(404);

        page.pressAndConfirm("disconnect");
        page.waitUntil(driver -> page.text("form-alert").startsWith("Disconnected"));
        assertThat(page.isShown("status")).isFalse();
        assertThat(page.value("authUrl")).isEmpty();
    }

    @Test
    void wrongSecret_isRejectedBesideTheForm_andAMissingUrlBesideItsField() {
        fillWith("not-the-secret");
        page.press("save");

        assertThat(page.shownText("form-alert")).isEqualTo("Halo did not accept this Client ID and Client Secret. "
                + "Copy both again from Configuration > Integrations > Halo API, and check that the Tenant is right.");
        assertThat(page.isShown("webhook")).isFalse();
        assertThat(page.text("form-alert")).doesNotContain("not-the-secret");
        page.screenshot("4-credentials-rejected");

        page.type("authUrl", " ");
        page.press("save");

        assertThat(page.shownText("authUrl-error")).isEqualTo("is required");
        assertThat(page.text("form-alert")).isEqualTo("Please correct the fields marked below.");
        assertThat(page.isShown("resourceUrl-error")).isFalse();
        page.screenshot("5-field-error");
    }

    private void fillWith(String secret) {
        page.type("authUrl", halo.authUrl());
        page.type("resourceUrl", halo.resourceUrl());
        page.type("tenant", StandInCredentials.DEFAULT.tenant());
        page.type("clientId", StandInCredentials.DEFAULT.clientId());
        page.type("clientSecret", secret);
    }

    /** The Lambda mock event server, which the tests' RestAssured is pointed at too. */
    private static String appUrl() {
        return "http://localhost:" + RestAssured.port;
    }
}
