package com.halopsaconnector.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Plain JUnit: reads template.yaml only, starts nothing. */
class TemplateScheduleTest {

    private static final Set<String> SCHEDULE_EVENT_TYPES = Set.of("Schedule", "ScheduleV2");
    private static final Set<String> SCHEDULE_RESOURCE_TYPES = Set.of("AWS::Events::Rule", "AWS::Scheduler::Schedule");

    @Test
    void scheduledSyncEvent_isAnHttpApiPayload2PostToTheInternalPath() throws Exception {
        JsonNode event = new ObjectMapper().readTree(TemplateSchedule.scheduledSyncEvent());

        assertThat(event.isObject()).isTrue();
        assertThat(event.path("version").asText()).isEqualTo("2.0");
        assertThat(event.path("rawPath").asText()).isEqualTo("/internal/scheduled-sync");
        assertThat(event.at("/requestContext/http/method").asText()).isEqualTo("POST");
        assertThat(event.at("/requestContext/http/path").asText()).isEqualTo("/internal/scheduled-sync");
        assertThat(event.at("/requestContext/stage").asText()).isEqualTo("$default");
    }

    @Test
    void scheduledSyncEvent_isTheTemplateTextUnchanged() throws Exception {
        // The Input is a single-line YAML string without escapes, so the returned value must
        // appear verbatim in the file: nothing was re-serialised or substituted.
        assertThat(Files.readString(TemplateSchedule.TEMPLATE)).contains(TemplateSchedule.scheduledSyncEvent());
    }

    @Test
    void syncSchedule_isTheOnlyScheduleInTheTemplate() {
        JsonNode resources = TemplateSchedule.template().path("Resources");
        List<String> scheduleEvents = new ArrayList<>();
        List<String> scheduleResources = new ArrayList<>();
        for (Map.Entry<String, JsonNode> resource : resources.properties()) {
            String type = resource.getValue().path("Type").asText();
            if (SCHEDULE_RESOURCE_TYPES.contains(type)) {
                scheduleResources.add(resource.getKey());
            }
            for (Map.Entry<String, JsonNode> event : resource.getValue().path("Properties").path("Events").properties()) {
                if (SCHEDULE_EVENT_TYPES.contains(event.getValue().path("Type").asText())) {
                    scheduleEvents.add(resource.getKey() + "." + event.getKey());
                }
            }
        }

        assertThat(resources.size()).as("template parsed with its CloudFormation tags").isGreaterThan(5);
        assertThat(scheduleEvents).containsExactly("ConfigFunction.SyncSchedule");
        assertThat(scheduleResources).isEmpty();
    }
}
