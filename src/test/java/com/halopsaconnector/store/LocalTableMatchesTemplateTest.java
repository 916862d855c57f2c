package com.halopsaconnector.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.halopsaconnector.store.local.LocalStoreBootstrap;
import com.halopsaconnector.testsupport.Table;
import com.halopsaconnector.testsupport.TemplateSchedule;
import com.halopsaconnector.testsupport.TestEnvironment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** The table LocalStoreBootstrap makes in moto has the keys and indexes of ConnectorTable in template.yaml. */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class LocalTableMatchesTemplateTest {

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    @Test
    void localTable_hasTheTemplatesKeysAndIndexes() {
        JsonNode template = TemplateSchedule.template().at("/Resources/ConnectorTable/Properties");
        TableDescription local = dynamo.describeTable(r -> r.tableName(table.name())).table();

        assertThat(local.keySchema().stream().map(k -> List.of(k.attributeName(), k.keyTypeAsString())).toList())
                .isEqualTo(keySchema(template.path("KeySchema")));

        Map<String, List<List<String>>> localIndexes = new HashMap<>();
        Map<String, String> localProjections = new HashMap<>();
        for (GlobalSecondaryIndexDescription index : local.globalSecondaryIndexes()) {
            localIndexes.put(index.indexName(),
                    index.keySchema().stream().map(k -> List.of(k.attributeName(), k.keyTypeAsString())).toList());
            localProjections.put(index.indexName(), index.projection().projectionTypeAsString() + " "
                    + index.projection().nonKeyAttributes().stream().sorted().toList());
        }
        Map<String, List<List<String>>> templateIndexes = new HashMap<>();
        Map<String, String> templateProjections = new HashMap<>();
        for (JsonNode index : template.path("GlobalSecondaryIndexes")) {
            String name = index.path("IndexName").asText();
            templateIndexes.put(name, keySchema(index.path("KeySchema")));
            List<String> nonKey = new ArrayList<>();
            index.at("/Projection/NonKeyAttributes").forEach(attribute -> nonKey.add(attribute.asText()));
            templateProjections.put(name, index.at("/Projection/ProjectionType").asText() + " "
                    + nonKey.stream().sorted().toList());
        }

        assertThat(templateIndexes).containsKey("stale-tickets");
        assertThat(localIndexes).isEqualTo(templateIndexes);
        assertThat(localProjections).isEqualTo(templateProjections);
    }

    private static List<List<String>> keySchema(JsonNode elements) {
        List<List<String>> keys = new ArrayList<>();
        for (JsonNode element : elements) {
            keys.add(List.of(element.path("AttributeName").asText(), element.path("KeyType").asText()));
        }
        return keys;
    }
}
