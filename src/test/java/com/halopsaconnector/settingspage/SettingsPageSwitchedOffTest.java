package com.halopsaconnector.settingspage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** With {@code connector.ui.enabled} off (the default, and prod), the page does not exist. */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class SettingsPageSwitchedOffTest {

    @Test
    void pageAndItsFiles_are404Problems_likeAnyUnknownRoute() {
        for (String path : new String[] {"/", "/settings-page/index.html", "/settings-page/settings.js",
                "/settings-page/dev-token"}) {
            given().when().get(path).then().statusCode(404).contentType("application/problem+json")
                    .body("type", equalTo("https://halopsa-connector.dev/problems/not-found"));
        }
    }
}
