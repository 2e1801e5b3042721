package dev.slopipeline.router;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The router's three rooms (routing, delivery, on-call) meet only in the shared model and two leaves, and the config,
 * topology and app sit above them, as ARCHITECTURE.md draws it. Read from the compiled classes, so it sees what the
 * code uses, whatever the imports say; this is what lets the rooms become modules of their own.
 */
class RoomSeamsTest {

    private static final String ROUTER = "dev.slopipeline.router";

    private static JavaClasses router;

    @BeforeAll
    static void readTheCompiledRouter() {
        router = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROUTER);
    }

    @Test
    void shouldLetTheRoomsMeetOnlyInTheSharedModelAndTheLeaves() {
        layeredArchitecture().consideringOnlyDependenciesInAnyPackage(ROUTER + "..")
                .layer("app").definedBy(ROUTER + ".app..")
                .layer("topology").definedBy(ROUTER + ".topology..")
                .layer("config").definedBy(ROUTER + ".config..")
                .layer("routing").definedBy(ROUTER + ".routing..")
                .layer("delivery").definedBy(ROUTER + ".delivery..")
                .layer("oncall").definedBy(ROUTER + ".oncall..")
                .layer("notification").definedBy(ROUTER + ".notification..")
                .layer("secret").definedBy(ROUTER + ".secret..")
                .layer("deadletter").definedBy(ROUTER + ".deadletter..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("topology").mayOnlyBeAccessedByLayers("app")
                .whereLayer("config").mayOnlyBeAccessedByLayers("topology", "app")
                .whereLayer("routing").mayOnlyBeAccessedByLayers("config", "topology", "app")
                .whereLayer("delivery").mayOnlyBeAccessedByLayers("config", "topology", "app")
                .whereLayer("oncall").mayOnlyBeAccessedByLayers("config", "topology", "app")
                .whereLayer("notification").mayNotAccessAnyLayer()
                .whereLayer("secret").mayNotAccessAnyLayer()
                .whereLayer("deadletter").mayNotAccessAnyLayer()
                .check(router);
    }

    @Test
    void shouldHaveNoCycleBetweenPackages() {
        slices().matching(ROUTER + ".(**)").should().beFreeOfCycles().check(router);
    }

    /** A package outside the known ones would be a way round the rule above, so a new one must join it first. */
    @Test
    void shouldKeepEveryClassInARoomOrAboveOrBelowThem() {
        classes().should().resideInAnyPackage(ROUTER + ".app..", ROUTER + ".topology..", ROUTER + ".config..",
                ROUTER + ".routing..", ROUTER + ".delivery..", ROUTER + ".oncall..", ROUTER + ".notification..",
                ROUTER + ".secret..", ROUTER + ".deadletter..")
                .check(router);
    }
}
