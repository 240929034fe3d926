package org.microcred.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The rules of issue 15 ("rooms with their own doors"), written once over a root package so that the
 * same rules check microcred ({@code org.microcred}) and the deliberately broken fixtures that prove each
 * rule can fail ({@code org.microcred.architecture.fixtures}).
 */
final class ArchitectureRules {

    /** Function module directory under functions/ to its package under the root (badge-issuer is badgeissuer). */
    static final Map<String, String> FUNCTION_MODULES = Map.of(
            "catalog", "catalog",
            "enrollment", "enrollment",
            "evidence", "evidence",
            "review", "review",
            "assessors", "assessors",
            "badges", "badges",
            "badge-issuer", "badgeissuer",
            "insights", "insights",
            "notification", "notification",
            "organizations", "organizations");

    /** Packages (under the root) of the libraries every function may use. */
    static final List<String> LIBRARIES = List.of("shared", "records", "dataintegrity", "reviewlinks");

    static final String DYNAMODB_SDK = "software.amazon.awssdk.services.dynamodb..";

    private final String root;

    private ArchitectureRules(String root) {
        this.root = root;
    }

    static ArchitectureRules of(String root) {
        return new ArchitectureRules(root);
    }

    /** The rules as they apply to microcred's main code. */
    static ArchitectureRules microcred() {
        return of("org.microcred");
    }

    String root() {
        return root;
    }

    /** The function packages under this root, e.g. org.microcred.catalog. */
    List<String> functionPackages() {
        return FUNCTION_MODULES.values().stream().sorted().map(fn -> root + "." + fn).toList();
    }

    List<String> libraryPackages() {
        return LIBRARIES.stream().map(library -> root + "." + library).toList();
    }

    // Rule 1: rooms with their own doors.

    ArchRule everyClassBelongsToAKnownModule() {
        return classes().that().resideInAPackage(root + "..")
                .should().resideInAnyPackage(Stream.concat(functionPackages().stream(), libraryPackages().stream())
                        .map(p -> p + "..").toArray(String[]::new))
                .because("every class lives in a function module or a library these rules know about; "
                        + "a new module must be added to ArchitectureRules or the other rules would not see it");
    }

    ArchRule functionsDoNotDependOnEachOther() {
        return slices().assignedFrom(new FunctionSlices())
                .should().notDependOnEachOther()
                .because("a function module depends only on libraries (shared, records, data-integrity, review-links): "
                        + "when two functions need the same record, the record moves into its table's library");
    }

    ArchRule librariesDoNotDependOnFunctions() {
        return noClasses().that().resideInAnyPackage(packagesBelow(libraryPackages()))
                .should().dependOnClassesThat().resideInAnyPackage(packagesBelow(functionPackages()))
                .because("libraries are shared by every function, so they cannot know any one of them");
    }

    // Rule 2: handler -> service -> store, never back.

    ArchRule servicesDoNotDependOnHandlers() {
        return noClasses().that().resideInAnyPackage(services())
                .should().dependOnClassesThat(areHandlers())
                .because("services hold the rules and are called by handlers (the function's root package: "
                        + "*Handler, *Config); calling back up would tie the rules to one Lambda's wiring");
    }

    ArchRule servicesDoNotDependOnWeb() {
        return noClasses().that().resideInAnyPackage(services())
                .should().dependOnClassesThat(areWeb())
                .because("services speak the domain (NotFound, Conflict, Forbidden, Invalid); requests, responses, "
                        + "pages and problem+json belong to the HTTP edge (shared.http, each function's web package)");
    }

    /** A function may have no store package left once its tables' records libraries hold everything. */
    ArchRule storesDoNotDependOnUpperLayers() {
        return noClasses().that().resideInAnyPackage(stores())
                .should().dependOnClassesThat().resideInAnyPackage(services())
                .orShould().dependOnClassesThat(areHandlers())
                .orShould().dependOnClassesThat(areWeb())
                .allowEmptyShould(true)
                .because("stores are the bottom layer: they read and write records and know nothing of the rules "
                        + "or the HTTP edge above them");
    }

    ArchRule recordsDoNotDependOnServicesOrHttp() {
        return noClasses().that().resideInAPackage(root + ".records..")
                .should().dependOnClassesThat().resideInAPackage(root + "..service..")
                .orShould().dependOnClassesThat().resideInAPackage(root + ".shared.http..")
                .because("a records library owns one table's keys, mapping and writes; services call it, never the "
                        + "other way round, and it has no HTTP vocabulary");
    }

    // Rule 3: only the records libraries talk to DynamoDB.

    ArchRule onlyRecordsUseDynamoDb() {
        return noClasses().that().resideOutsideOfPackage(root + ".records..")
                .should().dependOnClassesThat().resideInAPackage(DYNAMODB_SDK)
                .because("each table's keys, item mapping, queries and conditional writes are written once, in its "
                        + "records library; functions call those libraries (Lambda's own DynamoDB stream event "
                        + "types, com.amazonaws...events.models.dynamodb, are fine anywhere)");
    }

    /**
     * The loophole rule 3 alone leaves: a handler can hold the client in a {@code var} (no type
     * in the bytecode) and hand it to stores. Functions ask a records library for a store
     * ({@code LearningStore.forEnvironment(...)}), never for the client.
     */
    ArchRule onlyRecordsAskForTheDynamoDbClient() {
        return noClasses().that().resideOutsideOfPackage(root + ".records..")
                .should().dependOnClassesThat().haveFullyQualifiedName(root + ".records.core.DynamoDbClients")
                .because("functions get stores from their records libraries (forEnvironment factories); the "
                        + "DynamoDB client stays inside the libraries");
    }

    // Rule 4: only shared's HTTP edge builds problem+json.

    ArchRule onlySharedHttpBuildsProblems() {
        String http = root + ".shared.http";
        return noClasses().that().resideOutsideOfPackage(http + "..")
                .should().dependOnClassesThat(areNamed(http + ".ApiProblem", http + ".ProblemBody"))
                .because("services throw domain exceptions and the HTTP edge in shared maps them to problem+json "
                        + "in one place, so statuses and problem types cannot drift between functions");
    }

    /** Every class rule, for tests that run them all. */
    List<ArchRule> all() {
        return List.of(everyClassBelongsToAKnownModule(), functionsDoNotDependOnEachOther(),
                librariesDoNotDependOnFunctions(), servicesDoNotDependOnHandlers(), servicesDoNotDependOnWeb(),
                storesDoNotDependOnUpperLayers(), recordsDoNotDependOnServicesOrHttp(), onlyRecordsUseDynamoDb(),
                onlySharedHttpBuildsProblems());
    }

    private String[] services() {
        return functionPackages().stream().map(fn -> fn + ".service..").toArray(String[]::new);
    }

    private String[] stores() {
        return functionPackages().stream().map(fn -> fn + ".store..").toArray(String[]::new);
    }

    private static String[] packagesBelow(List<String> packages) {
        return packages.stream().map(p -> p + "..").toArray(String[]::new);
    }

    /** A function's handlers: its root package (handlers, configs) and any Lambda *Handler in its subpackages. */
    private DescribedPredicate<JavaClass> areHandlers() {
        List<String> functions = functionPackages();
        return DescribedPredicate.describe("are handlers (a function's root package, or *Handler in its subpackages)", type -> {
            String pkg = type.getPackageName();
            return functions.contains(pkg)
                    || (type.getSimpleName().endsWith("Handler") && functions.stream().anyMatch(fn -> pkg.startsWith(fn + ".")));
        });
    }

    /** The HTTP edge: shared.http, every function's web package, API Gateway's event types. */
    private DescribedPredicate<JavaClass> areWeb() {
        List<String> web = Stream.concat(functionPackages().stream().map(fn -> fn + ".web"), Stream.of(root + ".shared.http"))
                .toList();
        return DescribedPredicate.describe("are web (shared.http, <function>.web, API Gateway events)", type -> {
            String pkg = type.getPackageName();
            return web.stream().anyMatch(w -> pkg.equals(w) || pkg.startsWith(w + "."))
                    || type.getName().startsWith("com.amazonaws.services.lambda.runtime.events.APIGateway");
        });
    }

    /** The named classes and their nested classes. */
    private static DescribedPredicate<JavaClass> areNamed(String... names) {
        List<String> all = List.of(names);
        return DescribedPredicate.describe("are " + String.join(" or ", all), type -> all.stream()
                .anyMatch(name -> type.getName().equals(name) || type.getName().startsWith(name + "$")));
    }

    /** One slice per function module; libraries and everything else are left out. */
    private final class FunctionSlices implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass type) {
            String pkg = type.getPackageName();
            return FUNCTION_MODULES.values().stream()
                    .filter(fn -> pkg.equals(root + "." + fn) || pkg.startsWith(root + "." + fn + "."))
                    .findFirst()
                    .map(SliceIdentifier::of)
                    .orElse(SliceIdentifier.ignore());
        }

        @Override
        public String getDescription() {
            return "function modules under " + root;
        }
    }
}
