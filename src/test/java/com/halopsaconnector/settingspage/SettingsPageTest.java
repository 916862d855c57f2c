package com.halopsaconnector.settingspage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.halopsaconnector.testsupport.TestEnvironment;
import com.halopsaconnector.testsupport.TestTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The page's files and its development token, with the page switched on. */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
@TestProfile(SettingsPageProfile.class)
class SettingsPageTest {

    @AfterEach
    void removeDevToken() throws Exception {
        Files.deleteIfExists(Path.of(SettingsPageProfile.DEV_TOKEN_FILE));
    }

    @Test
    void page_isServedAtTheRoot_withItsFiles_andAPolicyThatAllowsOnlyThisOrigin() {
        given().when().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("X-Content-Type-Options", "nosniff")
                .body(containsString("Save And Sync"))
                .body(containsString("Configuration &gt; Integrations &gt; Halo API"));
        given().when().get("/settings-page/settings.js").then().statusCode(200).contentType(containsString("text/javascript"));
        given().when().get("/settings-page/settings.css").then().statusCode(200).contentType(containsString("text/css"));
    }

    @Test
    void onlyThePagesOwnFiles_areServed() {
        given().when().get("/settings-page/application.properties").then().statusCode(404)
                .body("type", equalTo("https://halopsa-connector.dev/problems/not-found"));
        given().when().get("/settings-page/..%2Fapplication.properties").then().statusCode(404);
    }

    @Test
    void devToken_isServedFromItsFile_and404WithoutOne() throws Exception {
        given().when().get("/settings-page/dev-token").then().statusCode(404);

        String token = TestTokens.admin("page-tenant");
        Files.createDirectories(Path.of(SettingsPageProfile.DEV_TOKEN_FILE).getParent());
        Files.writeString(Path.of(SettingsPageProfile.DEV_TOKEN_FILE), token + "\n");
        given().when().get("/settings-page/dev-token").then().statusCode(200).header("Cache-Control", "no-store")
                .body(equalTo(token));
    }
}
