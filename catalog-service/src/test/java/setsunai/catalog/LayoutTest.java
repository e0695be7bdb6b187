package setsunai.catalog;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package layout of docs/engineering.md, checked on the compiled classes: rest on top, service below it, store
 * for PostgreSQL, api (the HTTP records) used by all three and using none of them; no cycle between packages.
 */
class LayoutTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("setsunai.catalog");

    @Test
    void layersOnlyUseTheOnesBelow() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("rest").definedBy("setsunai.catalog.rest..")
                .layer("service").definedBy("setsunai.catalog.service..")
                .layer("store").definedBy("setsunai.catalog.store..")
                .layer("api").definedBy("setsunai.catalog.api..")
                .whereLayer("rest").mayNotBeAccessedByAnyLayer()
                .whereLayer("service").mayOnlyBeAccessedByLayers("rest")
                // rest builds the search criteria and sort it hands to the service
                .whereLayer("store").mayOnlyBeAccessedByLayers("service", "rest")
                .whereLayer("api").mayOnlyBeAccessedByLayers("rest", "service", "store")
                .check(CLASSES);
    }

    @Test
    void noCycleBetweenPackages() {
        slices().matching("setsunai.catalog.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
