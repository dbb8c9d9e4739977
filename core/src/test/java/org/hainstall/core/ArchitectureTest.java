package org.hainstall.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The core is everything that is not a pixel: it never reaches up into the UI, the app or JavaFX. */
@AnalyzeClasses(packages = "org.hainstall.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule coreDoesNotUseJavaFx = noClasses().that().resideInAPackage("org.hainstall.core..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the command line must run without JavaFX, and core is tested headless");

    @ArchTest
    static final ArchRule coreDoesNotUseUiOrApp = noClasses().that().resideInAPackage("org.hainstall.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.hainstall.ui..", "org.hainstall.app..")
            .because("arrows go one way: app -> ui -> core");

    @ArchTest
    static final ArchRule onlyFrontEndsUseTheUseCases = noClasses().that().resideInAPackage("org.hainstall.core..")
            .and().resideOutsideOfPackage("org.hainstall.core.usecase..")
            .should().dependOnClassesThat().resideInAPackage("org.hainstall.core.usecase..")
            .because("the use cases sit on top of core's subsystems; a subsystem that reached up into them would "
                    + "make the product's actions depend on each other in circles");
}
