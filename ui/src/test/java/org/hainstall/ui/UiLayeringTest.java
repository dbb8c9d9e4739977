package org.hainstall.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The wizard talks to core's interfaces only: never to SSH, libvirt, or the adapters behind them. */
class UiLayeringTest {
    private final JavaClasses ui = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.hainstall.ui");

    @Test
    void uiNeverTouchesSshOrLibvirt() {
        noClasses().that().resideInAPackage("org.hainstall.ui..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "net.schmizz..", "com.hierynomus..", "org.libvirt..", "com.sun.jna..",
                        "org.hainstall.core.provision..", "org.hainstall.core.seed..")
                .check(ui);
    }

    @Test
    void uiNeverDependsOnTheApp() {
        noClasses().that().resideInAPackage("org.hainstall.ui..")
                .should().dependOnClassesThat().resideInAPackage("org.hainstall.app..")
                .check(ui);
    }
}
