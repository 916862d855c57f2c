package com.halopsaconnector.store.local;

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
                        .projection(keysOnly())));
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

    /** A table made by an older version (e.g. in a long-running moto) gets the index too. */
    private static void addStaleIndexIfMissing(DynamoDbClient dynamo, TableDescription existing) {
        boolean present = existing.hasGlobalSecondaryIndexes() && existing.globalSecondaryIndexes().stream()
                .map(GlobalSecondaryIndexDescription::indexName)
                .anyMatch(STALE_INDEX::equals);
        if (present) {
            return;
        }
        LOG.infof("Adding index %s to local table %s", STALE_INDEX, existing.tableName());
        dynamo.updateTable(r -> r.tableName(existing.tableName())
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
