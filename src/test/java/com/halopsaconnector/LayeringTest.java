package com.halopsaconnector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the packages in the roles the README gives them. */
@AnalyzeClasses(packages = "com.halopsaconnector", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "javax.crypto..", "..domain..");

    @ArchTest
    static final ArchRule haloClientKnowsNothingOfStorageOrRoutes = noClasses().that().resideInAPackage("..halo..")
            .should().dependOnClassesThat().resideInAnyPackage("..store..", "..integration..", "..webhook..", "..web..");

    @ArchTest
    static final ArchRule storageKnowsNothingOfRoutes = noClasses().that().resideInAPackage("..store..")
            .should().dependOnClassesThat().resideInAnyPackage("..integration..", "..webhook..", "..web..", "..halo..");
}
