package setsunai.gateway;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package layout of docs/engineering.md, checked on the compiled classes: rest on top, service (composition)
 * below it, client for the downstream services, api (the answered records) used by rest and service and using
 * neither; no cycle between packages.
 */
class LayoutTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("setsunai.gateway");

    @Test
    void layersOnlyUseTheOnesBelow() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("rest").definedBy("setsunai.gateway.rest..")
                .layer("service").definedBy("setsunai.gateway.service..")
                .layer("api").definedBy("setsunai.gateway.api..")
                .layer("client").definedBy("setsunai.gateway.client..")
                .whereLayer("rest").mayNotBeAccessedByAnyLayer()
                .whereLayer("service").mayOnlyBeAccessedByLayers("rest")
                .whereLayer("api").mayOnlyBeAccessedByLayers("rest", "service")
                // the answers embed the services' own records (CatalogTitle, SongsSong)
                .whereLayer("client").mayOnlyBeAccessedByLayers("rest", "service", "api")
                .check(CLASSES);
    }

    @Test
    void noCycleBetweenPackages() {
        slices().matching("setsunai.gateway.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
