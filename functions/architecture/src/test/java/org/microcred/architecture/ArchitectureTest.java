package org.microcred.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's architecture rules against microcred's main code: the class rules of {@link ArchitectureRules},
 * the problem+json source scan and the module poms. The deployment jars are checked by DeploymentJarsIT.
 */
class ArchitectureTest {

    /** The one place allowed to spell problem+json, relative to functions/. */
    static final Path SHARED_HTTP_SOURCES = Path.of("shared/src/main/java/org/microcred/shared/http");

    static final Path FUNCTIONS_DIR = Path.of(System.getProperty("microcred.functions.dir", ".."))
            .toAbsolutePath().normalize();

    private static final ArchitectureRules RULES = ArchitectureRules.microcred();

    private static final JavaClasses MICROCRED = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(RULES.root());

    @Test
    void import_seesEveryFunctionAndLibrary() {
        Set<String> packages = MICROCRED.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());

        Stream.concat(RULES.functionPackages().stream(), RULES.libraryPackages().stream())
                .forEach(module -> assertThat(packages)
                        .as("main classes of %s on the test classpath", module)
                        .anyMatch(pkg -> pkg.equals(module) || pkg.startsWith(module + ".")));
        assertThat(packages).as("no test classes imported").noneMatch(pkg -> pkg.startsWith(RULES.root() + ".architecture"));
    }

    @Test
    void everyClass_belongsToAKnownModule() {
        RULES.everyClassBelongsToAKnownModule().check(MICROCRED);
    }

    @Test
    void functions_doNotDependOnEachOther() {
        RULES.functionsDoNotDependOnEachOther().check(MICROCRED);
    }

    @Test
    void libraries_doNotDependOnFunctions() {
        RULES.librariesDoNotDependOnFunctions().check(MICROCRED);
    }

    @Test
    void services_doNotDependOnHandlers() {
        RULES.servicesDoNotDependOnHandlers().check(MICROCRED);
    }

    @Test
    void services_doNotDependOnTheWeb() {
        RULES.servicesDoNotDependOnWeb().check(MICROCRED);
    }

    @Test
    void stores_doNotDependOnServicesHandlersOrWeb() {
        RULES.storesDoNotDependOnUpperLayers().check(MICROCRED);
    }

    @Test
    void records_doNotDependOnServicesOrHttp() {
        RULES.recordsDoNotDependOnServicesOrHttp().check(MICROCRED);
    }

    @Test
    void onlyRecords_useTheDynamoDbSdk() {
        RULES.onlyRecordsUseDynamoDb().check(MICROCRED);
    }

    @Test
    void onlyRecords_askForTheDynamoDbClient() {
        RULES.onlyRecordsAskForTheDynamoDbClient().check(MICROCRED);
    }

    @Test
    void onlySharedHttp_usesApiProblemOrProblemBody() {
        RULES.onlySharedHttpBuildsProblems().check(MICROCRED);
    }

    @Test
    void onlySharedHttp_spellsProblemJson() {
        assertThat(SourceScan.mainSourceRoots(FUNCTIONS_DIR)).as("main source roots under %s", FUNCTIONS_DIR)
                .contains(FUNCTIONS_DIR.resolve("shared/src/main/java"), FUNCTIONS_DIR.resolve("records/core/src/main/java"));
        assertThat(SourceScan.stringLiteralsContaining(FUNCTIONS_DIR, "problem+json", SHARED_HTTP_SOURCES))
                .as("string literals spelling problem+json outside shared.http (the HTTP edge builds every problem)")
                .isEmpty();
    }

    @Test
    void functionPoms_areTheFunctionModulesTheRulesKnow() {
        assertThat(ModulePoms.functionModules(FUNCTIONS_DIR))
                .extracting(pom -> pom.dir().getFileName().toString())
                .as("modules that shade a Lambda deployment jar; a new one must be added to ArchitectureRules")
                .containsExactlyInAnyOrderElementsOf(ArchitectureRules.FUNCTION_MODULES.keySet());
    }

    @Test
    void modulePoms_declareNoFunctionModule() {
        assertThat(pomsDeclaringFunctions(FUNCTIONS_DIR))
                .as("function and library poms declaring a function module (microcred-*-function): a function "
                        + "depends only on libraries, so its deployment jar holds no other function")
                .isEmpty();
    }

    /** "module -> microcred-x-function" for each function or library pom that declares a function module. */
    static List<String> pomsDeclaringFunctions(Path functionsDir) {
        return Stream.concat(ModulePoms.functionModules(functionsDir).stream(), ModulePoms.libraries(functionsDir).stream())
                .flatMap(pom -> pom.functionDependencies().stream()
                        .map(dependency -> functionsDir.relativize(pom.dir()) + " -> " + dependency))
                .sorted()
                .toList();
    }
}
