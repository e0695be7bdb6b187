package setsunai.testsupport.checks;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package layout of a data service (docs/engineering.md), checked on its compiled classes: rest on top,
 * service below it, store the only code that touches PostgreSQL, api (the HTTP records and the query vocabulary)
 * used by the three and using none of them; no cycle between packages. A service's test extends this.
 */
public abstract class DataServiceLayout {

    /** The service's root package, e.g. {@code setsunai.catalog}. */
    protected abstract String basePackage();

    private JavaClasses classes() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage());
    }

    @Test
    void layersOnlyUseTheOnesBelow() {
        String root = basePackage();
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("rest").definedBy(root + ".rest..")
                .layer("service").definedBy(root + ".service..")
                .layer("store").definedBy(root + ".store..")
                .layer("api").definedBy(root + ".api..")
                .whereLayer("rest").mayNotBeAccessedByAnyLayer()
                .whereLayer("service").mayOnlyBeAccessedByLayers("rest")
                .whereLayer("store").mayOnlyBeAccessedByLayers("service")
                .whereLayer("api").mayOnlyBeAccessedByLayers("rest", "service", "store")
                .check(classes());
    }

    @Test
    void noCycleBetweenPackages() {
        slices().matching(basePackage() + ".(*)..").should().beFreeOfCycles().check(classes());
    }
}
