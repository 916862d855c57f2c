package com.halopsaconnector.store.local;

import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import com.halopsaconnector.store.TableKeys;
import com.halopsaconnector.store.ticket.TicketAttributes;

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
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/**
 * Creates, in a local store (moto's server), what SAM's template creates in AWS: the table with the
 * sparse {@code stale-tickets} GSI and TTL, and the KMS key behind an alias. The table and index
 * must match {@code ConnectorTable} in {@code template.yaml}. Used by the dev/test
 * {@link LocalStoreBootstrap} and by the harness that runs the packaged functions on loopback.
 */
public final class LocalStoreSetup {

    private static final Logger LOG = Logger.getLogger(LocalStoreSetup.class);

    private static final String STALE_INDEX = TicketAttributes.STALE_INDEX;
    private static final String STALE_PK = TicketAttributes.STALE_PK;
    private static final String STALE_SINCE = TicketAttributes.STALE_SINCE;
    private static final String STALE_DUE_AT = TicketAttributes.STALE_DUE_AT;
    private static final String STALE_FAILURES = TicketAttributes.STALE_FAILURES;

    private LocalStoreSetup() {
    }

    public static void createTableIfMissing(DynamoDbClient dynamo, String table) {
        TableDescription existing;
        try {
            existing = dynamo.describeTable(r -> r.tableName(table)).table();
        } catch (ResourceNotFoundException e) {
            existing = null;
        }
        if (existing != null) {
            addStaleIndexIfMissing(dynamo, existing);
            return;
        }
        LOG.infof("Creating local table %s", table);
        dynamo.createTable(r -> r.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributeDefinitions())
                .keySchema(
                        k -> k.attributeName(TableKeys.PK).keyType(KeyType.HASH),
                        k -> k.attributeName(TableKeys.SK).keyType(KeyType.RANGE))
                .globalSecondaryIndexes(g -> g.indexName(STALE_INDEX)
                        .keySchema(staleIndexKeySchema())
                        .projection(staleIndexProjection())));
        dynamo.updateTimeToLive(r -> r.tableName(table)
                .timeToLiveSpecification(t -> t.attributeName(TableKeys.EXPIRES_AT).enabled(true)));
    }

    /** A key behind {@code alias}, unless the alias exists; ids that are not aliases are left alone. */
    public static void createKeyAliasIfMissing(KmsClient kms, String alias) {
        if (!alias.startsWith("alias/")) {
            return;
        }
        try {
            kms.describeKey(r -> r.keyId(alias));
        } catch (NotFoundException e) {
            LOG.infof("Creating local KMS key %s", alias);
            String newKeyId = kms.createKey(r -> r.description("halopsa-connector local key")).keyMetadata().keyId();
            kms.createAlias(r -> r.aliasName(alias).targetKeyId(newKeyId));
        }
    }

    /** A table made by an older version (e.g. in a long-running moto) gets the index as it is now. */
    private static void addStaleIndexIfMissing(DynamoDbClient dynamo, TableDescription existing) {
        Optional<GlobalSecondaryIndexDescription> index = existing.hasGlobalSecondaryIndexes()
                ? existing.globalSecondaryIndexes().stream().filter(i -> STALE_INDEX.equals(i.indexName())).findFirst()
                : Optional.empty();
        if (index.isPresent() && index.get().keySchema().equals(List.of(staleIndexKeySchema()))) {
            return;
        }
        if (index.isPresent()) {
            LOG.infof("Replacing index %s of local table %s (its key changed)", STALE_INDEX, existing.tableName());
            dynamo.updateTable(r -> r.tableName(existing.tableName())
                    .globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName(STALE_INDEX))));
        }
        LOG.infof("Adding index %s to local table %s", STALE_INDEX, existing.tableName());
        dynamo.updateTable(r -> r.tableName(existing.tableName())
                .attributeDefinitions(attributeDefinitions())
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName(STALE_INDEX)
                        .keySchema(staleIndexKeySchema())
                        .projection(staleIndexProjection()))));
    }

    private static AttributeDefinition[] attributeDefinitions() {
        return new AttributeDefinition[] {
            stringAttribute(TableKeys.PK),
            stringAttribute(TableKeys.SK),
            stringAttribute(STALE_PK),
            stringAttribute(STALE_DUE_AT),
        };
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement[] staleIndexKeySchema() {
        return new KeySchemaElement[] {
            KeySchemaElement.builder().attributeName(STALE_PK).keyType(KeyType.HASH).build(),
            KeySchemaElement.builder().attributeName(STALE_DUE_AT).keyType(KeyType.RANGE).build(),
        };
    }

    /** The index carries what the stale pass needs besides the keys: the mark's time and the failed fetches. */
    private static Projection staleIndexProjection() {
        return Projection.builder().projectionType(ProjectionType.INCLUDE)
                .nonKeyAttributes(STALE_SINCE, STALE_FAILURES).build();
    }
}
