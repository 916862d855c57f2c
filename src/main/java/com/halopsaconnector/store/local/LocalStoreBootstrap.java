package com.halopsaconnector.store.local;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.halopsaconnector.store.TableName;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Local runs and tests only (not in the prod build): at start-up, creates the table in moto's server
 * ({@link LocalStoreSetup}), which SAM's template creates in AWS. {@link LocalKmsKeyBootstrap} makes
 * the KMS key.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = {"dev", "test"})
public class LocalStoreBootstrap {

    @Inject
    DynamoDbClient dynamo;

    @Inject
    TableName table;

    @ConfigProperty(name = "connector.local-store.bootstrap")
    boolean enabled;

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            LocalStoreSetup.createTableIfMissing(dynamo, table.value());
        }
    }
}
