package dev.matriculas.dashboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The dashboard's packages depend on each other one way only: each stage reads without the ones after it. */
class PackageCyclesTest {

    /** Every package its own slice, the application's own package too. */
    private static final ArchRule NO_CYCLES = slices().matching("dev.matriculas.(**)").should().beFreeOfCycles();

    @Test
    void theDashboardsPackagesAreFreeOfCycles() {
        NO_CYCLES.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.matriculas.dashboard"));
    }

    /** The store holds the enrollments and their figures; what reads them, and what fills it, come after it. */
    @Test
    void theStoreKnowsNothingOfTheStagesAroundIt() {
        noClasses().that().resideInAPackage("dev.matriculas.dashboard.store..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.matriculas.dashboard.ingest..", "dev.matriculas.dashboard.status..",
                        "dev.matriculas.dashboard.summary..", "dev.matriculas.dashboard.live..", "dev.matriculas.dashboard.web..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.matriculas.dashboard"));
    }

    @Test
    void aCycleIsFound() {
        assertThatThrownBy(() -> NO_CYCLES.check(new ClassFileImporter().importPackages("dev.matriculas.dashboard.cyclic")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("cyclic.one").hasMessageContaining("cyclic.two");
    }
}
