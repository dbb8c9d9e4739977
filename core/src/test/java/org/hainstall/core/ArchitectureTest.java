package org.hainstall.core;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The core is everything that is not a pixel: it never reaches up into the UI, the app or JavaFX. Inside it the
 * arrows go one way too — use cases over subsystems over the step engine over adapters over the config model — and
 * no two packages depend on each other, so each can be read (and tested) with only what lies below it.
 */
@AnalyzeClasses(packages = "org.hainstall.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    /** What the user can do: create, modify, reconstruct, clone, status, switchover, trust, validate. */
    private static final String[] USE_CASES = {"org.hainstall.core.usecase.."};
    /** What each step does on the nodes and the workflows that list them; reconstruct, status and clone read them. */
    private static final String[] SUBSYSTEMS = {"org.hainstall.core.workflow..", "org.hainstall.core.os..",
            "org.hainstall.core.storage..", "org.hainstall.core.drbd..", "org.hainstall.core.heartbeat..",
            "org.hainstall.core.db2..", "org.hainstall.core.backup..", "org.hainstall.core.status..",
            "org.hainstall.core.reconstruct..", "org.hainstall.core.clone..", "org.hainstall.core.machines.."};
    /** The step engine under every subsystem: steps, the runner, events, the journal (plan), the node look (node). */
    private static final String[] ENGINE = {"org.hainstall.core.plan..", "org.hainstall.core.node.."};
    /** The outside world behind small interfaces: SSH, libvirt, the seed and its call back, the secrets folder. */
    private static final String[] ADAPTERS = {"org.hainstall.core.remote..", "org.hainstall.core.provision..",
            "org.hainstall.core.seed..", "org.hainstall.core.secrets.."};
    /** The model everything reads: records, loading, validation. */
    private static final String[] CONFIG = {"org.hainstall.core.config.."};

    @ArchTest
    static final ArchRule coreDoesNotUseJavaFx = noClasses().that().resideInAPackage("org.hainstall.core..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the command line must run without JavaFX, and core is tested headless");

    @ArchTest
    static final ArchRule coreDoesNotUseUiOrApp = noClasses().that().resideInAPackage("org.hainstall.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.hainstall.ui..", "org.hainstall.app..")
            .because("arrows go one way: app -> ui -> core");

    @ArchTest
    static final ArchRule corePackagesAreFreeOfCycles = slices().matching("org.hainstall.core.(*)..")
            .should().beFreeOfCycles()
            .because("a package that depends on one that depends back on it cannot be understood or tested alone");

    @ArchTest
    static final ArchRule coreIsLayered = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("use cases").definedBy(USE_CASES)
            .layer("subsystems").definedBy(SUBSYSTEMS)
            .layer("engine").definedBy(ENGINE)
            .layer("adapters").definedBy(ADAPTERS)
            .layer("config").definedBy(CONFIG)
            .whereLayer("use cases").mayNotBeAccessedByAnyLayer()
            .whereLayer("subsystems").mayOnlyBeAccessedByLayers("use cases")
            .whereLayer("engine").mayOnlyBeAccessedByLayers("use cases", "subsystems")
            .whereLayer("adapters").mayOnlyBeAccessedByLayers("use cases", "subsystems", "engine")
            .whereLayer("config").mayOnlyBeAccessedByLayers("use cases", "subsystems", "engine", "adapters")
            .because("use cases drive the subsystems, which run as steps on the engine, which reaches the nodes and "
                    + "the secrets through the adapters; everything reads the config");

    @ArchTest
    static final ArchRule everyCorePackageHasALayer = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
            .that().resideInAPackage("org.hainstall.core.*..")
            .should().resideInAnyPackage(concat(USE_CASES, SUBSYSTEMS, ENGINE, ADAPTERS, CONFIG))
            .because("a new package must take its place in the layers, or the layering rule silently ignores it");

    private static String[] concat(String[]... groups) {
        return java.util.Arrays.stream(groups).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }

    @ArchTest
    static final ArchRule onlyFrontEndsUseTheUseCases = noClasses().that().resideInAPackage("org.hainstall.core..")
            .and().resideOutsideOfPackage("org.hainstall.core.usecase..")
            .should().dependOnClassesThat().resideInAPackage("org.hainstall.core.usecase..")
            .because("the use cases sit on top of core's subsystems; a subsystem that reached up into them would "
                    + "make the product's actions depend on each other in circles");
}
