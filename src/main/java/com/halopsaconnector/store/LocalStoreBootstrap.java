package com.halopsaconnector.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Local runs and tests only (not in the prod build): creates the table (with the sparse
 * {@code stale-tickets} GSI) in moto's server, which SAM's template creates in AWS. The table and
 * index must match {@code ConnectorTable} in {@code template.yaml}. {@link LocalKmsKeyBootstrap}
 * makes the KMS key.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = {"dev", "test"})
public class LocalStoreBootstrap {

    private static final Logger LOG = Logger.getLogger(LocalStoreBootstrap.class);

    // Same names as the GlobalSecondaryIndexes entry of ConnectorTable in template.yaml.
    static final String STALE_INDEX = "stale-tickets";
    static final String STALE_PK = "stalePk";
    static final String STALE_SINCE = "staleSince";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableName table;

    @ConfigProperty(name = "connector.local-store.bootstrap")
    boolean enabled;

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            createTableIfMissing();
        }
    }

    private void createTableIfMissing() {
        TableDescription existing;
        try {
            existing = dynamo.describeTable(r -> r.tableName(table.value())).table();
        } catch (ResourceNotFoundException e) {
            existing = null;
        }
        if (existing != null) {
            addStaleIndexIfMissing(existing);
            return;
        }
        LOG.infof("Creating local table %s", table.value());
        dynamo.createTable(r -> r.tableName(table.value())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributeDefinitions())
                .keySchema(
                        k -> k.attributeName(TableKeys.PK).keyType(KeyType.HASH),
                        k -> k.attributeName(TableKeys.SK).keyType(KeyType.RANGE))
                .globalSecondaryIndexes(g -> g.indexName(STALE_INDEX)
                        .keySchema(staleIndexKeySchema())
                        .projection(keysOnly())));
        dynamo.updateTimeToLive(r -> r.tableName(table.value())
                .timeToLiveSpecification(t -> t.attributeName(TableKeys.EXPIRES_AT).enabled(true)));
    }

    /** A table made by an older version of this class (e.g. in a long-running moto) gets the index too. */
    private void addStaleIndexIfMissing(TableDescription existing) {
        boolean present = existing.hasGlobalSecondaryIndexes() && existing.globalSecondaryIndexes().stream()
                .map(GlobalSecondaryIndexDescription::indexName)
                .anyMatch(STALE_INDEX::equals);
        if (present) {
            return;
        }
        LOG.infof("Adding index %s to local table %s", STALE_INDEX, table.value());
        dynamo.updateTable(r -> r.tableName(table.value())
                .attributeDefinitions(attributeDefinitions())
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName(STALE_INDEX)
                        .keySchema(staleIndexKeySchema())
                        .projection(keysOnly()))));
    }

    private static AttributeDefinition[] attributeDefinitions() {
        return new AttributeDefinition[] {
            stringAttribute(TableKeys.PK),
            stringAttribute(TableKeys.SK),
            stringAttribute(STALE_PK),
            stringAttribute(STALE_SINCE),
        };
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement[] staleIndexKeySchema() {
        return new KeySchemaElement[] {
            KeySchemaElement.builder().attributeName(STALE_PK).keyType(KeyType.HASH).build(),
            KeySchemaElement.builder().attributeName(STALE_SINCE).keyType(KeyType.RANGE).build(),
        };
    }

    private static Projection keysOnly() {
        return Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build();
    }
}
