package com.halopsaconnector.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** docs/openapi.yaml, which the UI team reads, is the document the running API serves. */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class OpenApiDocumentTest {

    static final Path CHECKED_IN = Path.of("docs/openapi.yaml");
    static final Path RUNNING_COPY = Path.of("target/openapi-running.yaml");

    @Test
    void checkedInDocument_matchesTheRunningApi() throws Exception {
        String running = given().accept("application/yaml").when().get("/q/openapi").then().statusCode(200)
                .extract().asString();
        Files.createDirectories(RUNNING_COPY.getParent());
        Files.writeString(RUNNING_COPY, running);
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

        JsonNode served = yaml.readTree(running);
        JsonNode checkedIn = yaml.readTree(CHECKED_IN.toFile());

        assertThat(served.path("paths").size()).as("routes described").isEqualTo(5);
        assertThat(checkedIn).as("docs/openapi.yaml differs from the running API's document (saved as %s); "
                + "refresh it with ./mvnw -B package -DskipTests and commit it", RUNNING_COPY).isEqualTo(served);
    }
}
