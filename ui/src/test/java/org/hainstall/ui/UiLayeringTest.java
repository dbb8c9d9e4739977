package org.hainstall.ui;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.hainstall.core.remote.OutputListener;
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
    void uiReachesCoreOnlyThroughItsModelEventsAndUseCases() {
        // The config model, the engine's events and prompts, and the use cases: everything else in core (SSH,
        // secrets, the subsystems) is reached through a use case, never by the wizard itself. The one exception is
        // data, not behaviour: which stream (stdout/stderr) an output line in core's events came from.
        noClasses().that().resideInAPackage("org.hainstall.ui..")
                .should().dependOnClassesThat(resideInAPackage("org.hainstall.core..").and(not(resideInAnyPackage(
                        "org.hainstall.core.config..", "org.hainstall.core.plan..", "org.hainstall.core.usecase..")))
                        .and(not(equivalentTo(OutputListener.Stream.class))))
                .check(ui);
    }

    @Test
    void uiNeverDependsOnTheApp() {
        noClasses().that().resideInAPackage("org.hainstall.ui..")
                .should().dependOnClassesThat().resideInAPackage("org.hainstall.app..")
                .check(ui);
    }
}
