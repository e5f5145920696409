package io.aftercart.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rules of DESIGN §4, checked on the compiled classes so a shortcut fails the build. */
class ArchitectureTest {

    private static final List<String> SERVICES = List.of("collector", "analytics", "intelligence", "profiles",
            "engagement", "privacy", "gateway");
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.aftercart");
    }

    @Test
    void servicesDoNotDependOnEachOther() {
        for (String service : SERVICES) {
            for (String other : SERVICES) {
                if (!service.equals(other)) {
                    mayNotUse(service, other).check(classes);
                }
            }
        }
    }

    @Test
    void theRuleSeesARealDependency() {
        // the launcher does use the collector (it issues the demo shop's write key): the rule must notice
        assertThat(mayNotUse("app", "collector").evaluate(classes).hasViolation()).isTrue();
    }

    @Test
    void contractsAndPlatformDependOnNoServiceNorTheLauncher() {
        for (String service : SERVICES) {
            noClasses().that().resideInAnyPackage("io.aftercart.contracts..", "io.aftercart.platform..")
                    .should().dependOnClassesThat().resideInAnyPackage("io.aftercart." + service + "..",
                            "io.aftercart.app..")
                    .check(classes);
        }
    }

    @Test
    void contractsNeedNeitherThePlatformNorSpring() {
        noClasses().that().resideInAPackage("io.aftercart.contracts..")
                .should().dependOnClassesThat().resideInAnyPackage("io.aftercart.platform..", "org.springframework..")
                .check(classes);
    }

    @Test
    void nothingOutsideAServiceReachesItsInternals() {
        for (String service : SERVICES) {
            noClasses().that().resideOutsideOfPackage("io.aftercart." + service + "..")
                    .should().dependOnClassesThat().resideInAPackage("io.aftercart." + service + ".internal..")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    private static ArchRule mayNotUse(String from, String to) {
        return noClasses().that().resideInAPackage("io.aftercart." + from + "..")
                .should().dependOnClassesThat().resideInAPackage("io.aftercart." + to + "..")
                .allowEmptyShould(true);
    }
}
