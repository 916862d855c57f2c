package com.halopsaconnector.store.local;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;

import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Local runs and tests only (not in the prod build): creates the KMS key behind the
 * {@code connector.kms-key-id} alias in moto's server ({@link LocalStoreSetup}), which SAM's
 * template creates in AWS.
 *
 * <p>Not for the webhook function: it never seals or opens a secret, so as in AWS it starts
 * without ever building a KMS client (the injected client is a proxy until first used).
 */
@ApplicationScoped
@IfBuildProfile(anyOf = {"dev", "test"})
public class LocalKmsKeyBootstrap {

    @Inject
    KmsClient kms;

    @ConfigProperty(name = "connector.kms-key-id")
    String keyId;

    @ConfigProperty(name = "connector.local-store.bootstrap")
    boolean enabled;

    @ConfigProperty(name = "connector.function")
    String function;

    void onStart(@Observes StartupEvent event) {
        if (enabled && !function.equals("webhook")) {
            LocalStoreSetup.createKeyAliasIfMissing(kms, keyId);
        }
    }
}
