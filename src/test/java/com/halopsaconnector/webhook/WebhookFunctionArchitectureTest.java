package com.halopsaconnector.webhook;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.halopsaconnector.store.connection.CallbackTokenLookup;
import com.halopsaconnector.store.sealing.SecretSealer;
import com.halopsaconnector.store.webhook.StoredEventLookup;
import com.halopsaconnector.store.webhook.WebhookEventWriter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The webhook function has no code path that can decrypt a secret. */
@AnalyzeClasses(packages = "com.halopsaconnector", importOptions = ImportOption.DoNotIncludeTests.class)
class WebhookFunctionArchitectureTest {

    @ArchTest
    static final ArchRule webhookNeverReachesTheSecretSealer = noClasses()
            .that().resideInAPackage("com.halopsaconnector.webhook..")
            .should().transitivelyDependOnClassesThat()
            .haveFullyQualifiedName(SecretSealer.class.getName())
            .because("the webhook function must not be able to decrypt tenant secrets");

    @ArchTest
    static final ArchRule webhookNeverReachesKms = noClasses()
            .that().resideInAPackage("com.halopsaconnector.webhook..")
            .should().transitivelyDependOnClassesThat()
            .resideInAPackage("software.amazon.awssdk.services.kms..")
            .because("the webhook function has no KMS permission at all");

    @ArchTest
    static final ArchRule webhookStorageCodeNeverReachesKms = noClasses()
            .that().haveFullyQualifiedName(CallbackTokenLookup.class.getName())
            .or().haveFullyQualifiedName(WebhookEventWriter.class.getName())
            .or().haveFullyQualifiedName(StoredEventLookup.class.getName())
            .should().transitivelyDependOnClassesThat()
            .resideInAPackage("software.amazon.awssdk.services.kms..")
            .orShould().transitivelyDependOnClassesThat()
            .haveFullyQualifiedName(SecretSealer.class.getName());
}
