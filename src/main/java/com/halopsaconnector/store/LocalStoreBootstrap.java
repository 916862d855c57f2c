package com.halopsaconnector.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/**
 * Local runs and tests only (not in the prod build): creates the table and the KMS key alias in
 * moto's server, which SAM's template creates in AWS.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = {"dev", "test"})
public class LocalStoreBootstrap {

    private static final Logger LOG = Logger.getLogger(LocalStoreBootstrap.class);

    @Inject
    DynamoDbClient dynamo;

    @Inject
    KmsClient kms;

    @Inject
    TableName table;

    @ConfigProperty(name = "connector.kms-key-id")
    String keyId;

    @ConfigProperty(name = "connector.local-store.bootstrap")
    boolean enabled;

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            createTableIfMissing();
            createKeyAliasIfMissing();
        }
    }

    private void createTableIfMissing() {
        try {
            dynamo.describeTable(r -> r.tableName(table.value()));
            return;
        } catch (ResourceNotFoundException e) {
            LOG.infof("Creating local table %s", table.value());
        }
        dynamo.createTable(r -> r.tableName(table.value())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        a -> a.attributeName(TableKeys.PK).attributeType(ScalarAttributeType.S),
                        a -> a.attributeName(TableKeys.SK).attributeType(ScalarAttributeType.S))
                .keySchema(
                        k -> k.attributeName(TableKeys.PK).keyType(KeyType.HASH),
                        k -> k.attributeName(TableKeys.SK).keyType(KeyType.RANGE)));
        dynamo.updateTimeToLive(r -> r.tableName(table.value())
                .timeToLiveSpecification(t -> t.attributeName(TableKeys.EXPIRES_AT).enabled(true)));
    }

    private void createKeyAliasIfMissing() {
        if (!keyId.startsWith("alias/")) {
            return;
        }
        try {
            kms.describeKey(r -> r.keyId(keyId));
        } catch (NotFoundException e) {
            LOG.infof("Creating local KMS key %s", keyId);
            String newKeyId = kms.createKey(r -> r.description("halopsa-connector local key")).keyMetadata().keyId();
            kms.createAlias(r -> r.aliasName(keyId).targetKeyId(newKeyId));
        }
    }
}
