package com.halopsaconnector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the packages in the roles the README gives them. Packages are named from the root
 * ({@code com.halopsaconnector.webhook..}), since {@code store.webhook} is storage, not the route.
 */
@AnalyzeClasses(packages = "com.halopsaconnector", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    static final String ROOT = "com.halopsaconnector.";

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage(ROOT + "domain..")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "javax.crypto..", ROOT + "domain..");

    @ArchTest
    static final ArchRule haloClientKnowsNothingOfStorageOrRoutes = noClasses().that().resideInAPackage(ROOT + "halo..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    ROOT + "store..", ROOT + "integration..", ROOT + "webhook..", ROOT + "web..");

    @ArchTest
    static final ArchRule storageKnowsNothingOfRoutes = noClasses().that().resideInAPackage(ROOT + "store..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    ROOT + "integration..", ROOT + "webhook..", ROOT + "web..", ROOT + "halo..");
}
