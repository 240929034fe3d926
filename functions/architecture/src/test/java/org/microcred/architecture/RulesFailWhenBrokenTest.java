package org.microcred.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each rule, run against deliberately broken code, reports exactly the breakage and nothing that is
 * allowed: a rule weakened into one that cannot fail makes these tests fail. The class fixtures live in
 * org.microcred.architecture.fixtures, a miniature microcred whose classes are named after what they do.
 */
class RulesFailWhenBrokenTest {

    private static final ArchitectureRules RULES = ArchitectureRules.of("org.microcred.architecture.fixtures");

    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages(RULES.root());

    private static final Pattern CLASS_IN_BRACKETS = Pattern.compile("<([a-z][\\w$]*(?:\\.[\\w$]+)+)");

    // Rule 1

    @Test
    void everyClassBelongsToAKnownModule_reportsAClassOutsideEveryModule() {
        assertThat(violations(RULES.everyClassBelongsToAKnownModule())).containsExactly("Stray");
    }

    @Test
    void functionsDoNotDependOnEachOther_reportsAFunctionUsingAnother() {
        assertThat(violations(RULES.functionsDoNotDependOnEachOther()))
                .containsExactlyInAnyOrder("ReachesIntoEnrollment -> Enrolling", "IssuesIntoBadges -> BadgeReading");
    }

    @Test
    void librariesDoNotDependOnFunctions_reportsARecordsLibraryUsingAFunction() {
        assertThat(violations(RULES.librariesDoNotDependOnFunctions()))
                .containsExactly("ReachesIntoCatalog -> Cataloguing");
    }

    // Rule 2

    @Test
    void servicesDoNotDependOnHandlers_reportsAServiceUsingItsConfigOrAHandler() {
        assertThat(violations(RULES.servicesDoNotDependOnHandlers()))
                .containsExactlyInAnyOrder("CallsHandler -> CatalogConfig", "StartsImport -> RosterImportHandler");
    }

    @Test
    void servicesDoNotDependOnWeb_reportsPagesProblemsAndApiGatewayEvents() {
        assertThat(violations(RULES.servicesDoNotDependOnWeb())).containsExactlyInAnyOrder(
                "RendersPage -> PrintPage", "ThrowsProblem -> ApiProblem",
                "ReadsApiGatewayEvent -> APIGatewayV2HTTPEvent");
    }

    @Test
    void storesDoNotDependOnUpperLayers_reportsAStoreCallingAService() {
        assertThat(violations(RULES.storesDoNotDependOnUpperLayers())).containsExactly("AsksService -> Cataloguing");
    }

    @Test
    void recordsDoNotDependOnServicesOrHttp_reportsBoth() {
        assertThat(violations(RULES.recordsDoNotDependOnServicesOrHttp()))
                .containsExactlyInAnyOrder("ReachesIntoCatalog -> Cataloguing", "UsesHttp -> Route");
    }

    // Rule 3

    @Test
    void onlyRecordsUseDynamoDb_reportsAFunctionStoreButNotRecordsOrStreamEvents() {
        assertThat(violations(RULES.onlyRecordsUseDynamoDb())).containsExactly("TalksToDynamoDb -> DynamoDbClient");
    }

    @Test
    void onlyRecordsAskForTheDynamoDbClient_reportsAFunctionHoldingTheClientInAVar() {
        assertThat(violations(RULES.onlyRecordsAskForTheDynamoDbClient()))
                .containsExactly("AsksForClient -> DynamoDbClients");
    }

    // Rule 4

    @Test
    void onlySharedHttpBuildsProblems_reportsAServiceAndSharedCodeOutsideHttp() {
        assertThat(violations(RULES.onlySharedHttpBuildsProblems()))
                .containsExactlyInAnyOrder("ThrowsProblem -> ApiProblem", "BuildsProblemBody -> ProblemBody");
    }

    @Test
    void problemJsonScan_reportsLiteralsOutsideSharedHttp_notComments(@TempDir Path functions) throws IOException {
        write(functions.resolve("review/src/main/java/org/microcred/review/ReviewHandler.java"), """
                package org.microcred.review;

                /** Answers with application/problem+json (a comment: fine). */
                class ReviewHandler {
                    // "problem+json" in a line comment: fine
                    String type = "application/problem+json";
                }
                """);
        write(functions.resolve("records/learning/src/main/java/org/microcred/records/learning/Odd.java"),
                "class Odd { String a = \"x\"; String b = \"\"\"\n    problem+json\n    \"\"\"; char c = '\"'; }\n");
        write(functions.resolve("shared/src/main/java/org/microcred/shared/http/ApiResponse.java"),
                "class ApiResponse { static final String PROBLEM_JSON = \"application/problem+json\"; }\n");

        assertThat(SourceScan.stringLiteralsContaining(functions, "problem+json", ArchitectureTest.SHARED_HTTP_SOURCES))
                .containsExactlyInAnyOrder("records/learning/src/main/java/org/microcred/records/learning/Odd.java:1",
                        "review/src/main/java/org/microcred/review/ReviewHandler.java:6");
    }

    // Rule 5

    @Test
    void functionPoms_reportAFunctionDeclaringAnother(@TempDir Path functions) throws IOException {
        write(functions.resolve("review/pom.xml"), pom("microcred-review-function", true,
                "microcred-shared", "microcred-enrollment-function", "microcred-records-learning"));
        write(functions.resolve("enrollment/pom.xml"), pom("microcred-enrollment-function", true, "microcred-shared"));
        write(functions.resolve("records/learning/pom.xml"), pom("microcred-records-learning", false,
                "microcred-records-core", "microcred-evidence-function"));
        write(functions.resolve("architecture/pom.xml"), pom("microcred-architecture-tests", false,
                "microcred-review-function"));

        assertThat(ModulePoms.functionModules(functions)).extracting(ModulePoms.ModulePom::artifactId)
                .containsExactly("microcred-enrollment-function", "microcred-review-function");
        assertThat(ArchitectureTest.pomsDeclaringFunctions(functions)).containsExactly(
                "records/learning -> microcred-evidence-function", "review -> microcred-enrollment-function");
    }

    // Rule 6

    @Test
    void deploymentJar_reportsAnotherFunctionsClasses(@TempDir Path functions) throws IOException {
        Path jar = DeploymentJars.of(functions, "review");
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String entry : List.of("org/microcred/review/ReviewHandler.class",
                    "org/microcred/records/learning/Enrollments.class", "org/microcred/shared/http/Route.class",
                    "org/microcred/enrollment/service/Enrolling.class", "org/microcred/badges/issuer/Mastery.class",
                    "org/microcred/reviewlinks/ReviewLinks.class", "com/example/Library.class")) {
                out.putNextEntry(new ZipEntry(entry));
                out.closeEntry();
            }
        }

        assertThat(DeploymentJars.foreignFunctionClasses(jar, "review", ArchitectureRules.FUNCTION_MODULES.values()))
                .containsExactly("org/microcred/badges/issuer/Mastery.class", "org/microcred/enrollment/service/Enrolling.class");
        assertThat(DeploymentJars.ownClassCount(jar, "review")).isEqualTo(1);
    }

    /**
     * "Origin -> Target" (top-level simple names) per violating dependency, or "Origin" for a class violation,
     * read from the report's lines such as "Field &lt;a.b.Origin.f&gt; has type &lt;c.Target&gt; in (Origin.java:0)".
     */
    private static Set<String> violations(ArchRule rule) {
        Set<String> violations = new TreeSet<>();
        for (String detail : rule.evaluate(FIXTURES).getFailureReport().getDetails()) {
            // the origin's description ends at the first "> " (a method's "<init>(...)" or parameters come before it)
            int originEnd = detail.indexOf("> ");
            Matcher origin = CLASS_IN_BRACKETS.matcher(detail);
            Matcher target = CLASS_IN_BRACKETS.matcher(detail);
            if (origin.find()) {
                violations.add(originEnd > 0 && target.find(originEnd)
                        ? topLevelSimpleName(origin.group(1)) + " -> " + topLevelSimpleName(target.group(1))
                        : topLevelSimpleName(origin.group(1)));
            }
        }
        return violations;
    }

    /** org.x.Outer$Inner.method -> Outer: the first segment that starts with a capital letter. */
    private static String topLevelSimpleName(String name) {
        for (String segment : name.split("\\.")) {
            if (!segment.isEmpty() && Character.isUpperCase(segment.charAt(0))) {
                return segment.split("\\$")[0];
            }
        }
        return name;
    }

    private static String pom(String artifactId, boolean shaded, String... dependencies) {
        StringBuilder pom = new StringBuilder("<project><modelVersion>4.0.0</modelVersion><artifactId>")
                .append(artifactId).append("</artifactId><dependencies>");
        for (String dependency : dependencies) {
            pom.append("<dependency><groupId>org.microcred</groupId><artifactId>").append(dependency)
                    .append("</artifactId></dependency>");
        }
        pom.append("</dependencies>");
        if (shaded) {
            pom.append("<build><plugins><plugin><groupId>org.apache.maven.plugins</groupId>")
                    .append("<artifactId>maven-shade-plugin</artifactId></plugin></plugins></build>");
        }
        return pom.append("</project>").toString();
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
