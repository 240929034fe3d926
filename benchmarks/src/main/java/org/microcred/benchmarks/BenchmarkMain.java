package org.microcred.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.microcred.benchmarks.capacity.CapacityJourney;
import org.microcred.benchmarks.capacity.CapacitySection;
import org.microcred.catalog.CatalogReadHandler;
import org.microcred.catalog.service.CatalogAuthoring;
import org.microcred.emulators.LocalEmulators;
import org.microcred.emulators.SamTemplate;
import org.microcred.emulators.SesMode;
import org.microcred.records.catalog.CatalogStore;
import org.microcred.shared.config.FunctionEnvironment;
import org.microcred.shared.json.Json;

/**
 * Runs every benchmark against in-process DynamoDB Local and rewrites docs/benchmarks.md and
 * benchmarks/results.json.
 * Run from the repository root: see {@link #COMMAND}.
 */
public final class BenchmarkMain {
    static final String COMMAND = "mvn -q -B -DskipTests install && mvn -q -B -pl benchmarks exec:exec";
    private static final String PROGRAMME_REPORTS = "Programme reports";

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        String loadBefore = loadAverage();
        int runs = Integer.getInteger("bench.runs", 7);
        int catalogSize = Integer.getInteger("bench.catalog", 5_000);
        SamTemplate template = SamTemplate.locate();
        Path root = template.directory();
        try (LocalEmulators emulators = LocalEmulators.builder().inMemory().ses(SesMode.REQUIRED).start()) {
            Map<String, String> names = emulators.createResources(template, "");
            Map<String, String> readEnv = emulators.functionEnvironment(template, "CatalogReadFunction", names);
            Map<String, String> adminEnv = emulators.functionEnvironment(template, "CatalogAdminFunction", names);
            FunctionEnvironment environment = FunctionEnvironment.of(adminEnv);
            CatalogAuthoring authoring = new CatalogAuthoring(new CatalogStore(
                    org.microcred.records.core.DynamoDbClients.forEnvironment(environment), names.get("CatalogTable")), Clock.systemUTC());

            CatalogFixtures.publish(authoring, 12, 2);
            Path catalogJar = functionJar(root, "catalog");
            Path probes = Path.of(BenchmarkMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            String body = Json.write(CatalogFixtures.document(new Random(7), 0));
            List<ColdStart.Result> coldStarts = new ArrayList<>();
            String admin = "bench-admin,org-bench,org-admin";
            coldStarts.add(new ColdStart(catalogJar, probes, readEnv).measureHttp("CatalogReadFunction",
                    "org.microcred.catalog.CatalogReadHandler", "GET /microcredentials?q=assessment", runs,
                    List.of("GET", "/microcredentials", "/microcredentials", "-", "-", admin)));
            coldStarts.add(new ColdStart(catalogJar, probes, adminEnv).measureHttp("CatalogAdminFunction",
                    "org.microcred.catalog.CatalogAdminHandler", "POST /microcredentials", runs,
                    List.of("POST", "/microcredentials", "/microcredentials", "-", body, admin)));

            Map<String, String> notificationEnv = emulators.functionEnvironment(template, "NotificationFunction", names);
            OutboxFixtures outbox = new OutboxFixtures(emulators.dynamoDb(), names.get("LearningTable"));
            coldStarts.add(new ColdStart(functionJar(root, "notification"), probes, notificationEnv).measureStream(
                    "NotificationFunction", "org.microcred.notification.NotificationHandler", runs, outbox::newEmail));

            Map<String, String> enrollmentEnv = emulators.functionEnvironment(template, "EnrollmentFunction", names);
            EnrollmentFixtures enrollments = new EnrollmentFixtures(emulators.dynamoDb(), names.get("OrganizationsTable"));
            enrollments.seedOrganization();
            String offering = CatalogFixtures.publishedIds(emulators.dynamoDb(), names.get("CatalogTable"), 1).get(0);
            coldStarts.add(new ColdStart(functionJar(root, "enrollment"), probes, enrollmentEnv).measureHttp(
                    "EnrollmentFunction", "org.microcred.enrollment.EnrollmentHandler",
                    "POST /microcredentials/{id}/enrollments", runs,
                    run -> List.of("POST", "/microcredentials/{id}/enrollments", "/microcredentials/" + offering
                            + "/enrollments", offering, "-", "cold-learner-" + run + "-" + System.nanoTime()
                            + ",org-bench,learner")));
            var enrollmentHandler = new org.microcred.enrollment.EnrollmentHandler(FunctionEnvironment.of(enrollmentEnv));
            Stats enrol = WarmEnrollment.measure(enrollmentHandler, CatalogFixtures.publishedIds(emulators.dynamoDb(),
                    names.get("CatalogTable"), 10), size(300), size(2_000));

            Map<String, String> evidenceEnv = new java.util.HashMap<>(
                    emulators.functionEnvironment(template, "EvidenceFunction", names));
            evidenceEnv.put("MICROCRED_REVIEW_LINK_KEY", ReviewFixtures.REVIEW_LINK_KEY);
            List<String[]> coldLearners = EvidenceFixtures.enrol(enrollmentHandler, offering, "cold-evidence-", runs + 2);
            coldStarts.add(new ColdStart(functionJar(root, "evidence"), probes, evidenceEnv).measureHttp(
                    "EvidenceFunction", "org.microcred.evidence.EvidenceHandler", "POST /enrollments/{id}/artifacts (presign)",
                    runs, run -> {
                        String[] target = coldLearners.get(Math.floorMod(run, coldLearners.size()));
                        return List.of("POST", "/enrollments/{id}/artifacts", "/enrollments/" + target[1] + "/artifacts",
                                target[1], EvidenceFixtures.DECLARATION, target[0] + ",org-bench,learner");
                    }));
            Stats presign = WarmPresign.measure(new org.microcred.evidence.EvidenceHandler(
                    FunctionEnvironment.of(evidenceEnv)), EvidenceFixtures.enrol(enrollmentHandler, offering,
                    "warm-evidence-", 500), size(500), size(2_000));

            Map<String, String> reviewEnv = new java.util.HashMap<>(
                    emulators.functionEnvironment(template, "ReviewFunction", names));
            reviewEnv.put("MICROCRED_REVIEW_LINK_KEY", ReviewFixtures.REVIEW_LINK_KEY);
            var evidenceHandler = new org.microcred.evidence.EvidenceHandler(FunctionEnvironment.of(evidenceEnv));
            String reviewToken = ReviewFixtures.submittedAttemptToken(enrollmentHandler, evidenceHandler, offering,
                    "review-learner-");
            coldStarts.add(new ColdStart(functionJar(root, "review"), probes, reviewEnv).measureHttp(
                    "ReviewFunction", "org.microcred.review.ReviewHandler", "GET /review/{token} (HTML page)", runs,
                    List.of("GET", "/review/{token}", "/review/" + reviewToken, "token=" + reviewToken, "-", "-")));
            Stats reviewPage = WarmReviewPage.measure(new org.microcred.review.ReviewHandler(
                    FunctionEnvironment.of(reviewEnv)), reviewToken, size(300), size(2_000));

            Map<String, String> issuerEnv = BadgeIssuerFixtures.environment(
                    emulators.functionEnvironment(template, "BadgeIssuerFunction", names));
            BadgeIssuerFixtures awards = new BadgeIssuerFixtures(emulators.dynamoDb(), names);
            awards.seed();
            coldStarts.add(new ColdStart(functionJar(root, "badge-issuer"), probes, issuerEnv).measureDecision(
                    "BadgeIssuerFunction", "org.microcred.badgeissuer.BadgeIssuerHandler", runs, run -> {
                        String learner = "cold-badge-" + run + "-" + System.nanoTime();
                        awards.award(learner);
                        return "enr-" + learner;
                    }));
            var issuer = new org.microcred.badgeissuer.BadgeIssuerHandler(FunctionEnvironment.of(issuerEnv));
            Stats issuance = WarmIssuance.measure(issuer, awards, size(50), size(500));
            issuer.handleRequest(awards.award("badge-page-learner"), new ProbeContext());
            String badgeId = org.microcred.badgeissuer.service.BadgeIds.forEnrollment("enr-badge-page-learner");
            Map<String, String> badgeEnv = emulators.functionEnvironment(template, "BadgeFunction", names);
            coldStarts.add(new ColdStart(functionJar(root, "badges"), probes, badgeEnv).measureHttp("BadgeFunction",
                    "org.microcred.badges.BadgeHandler", "GET /badges/{id} (HTML page, live checks)", runs,
                    List.of("GET", "/badges/{id}", "/badges/" + badgeId, badgeId, "-", "-")));
            var badgeHandler = new org.microcred.badges.BadgeHandler(FunctionEnvironment.of(badgeEnv));
            Stats badgePage = WarmHttp.measure(badgeHandler::dispatch, BadgeFixtures.page(badgeId), size(300), size(2_000));
            Stats badgeVerify = WarmHttp.measure(badgeHandler::dispatch, ColdStartProbe.httpEvent("GET",
                    "/badges/{id}/verify", "/badges/" + badgeId + "/verify", badgeId, null, "-"), size(100), size(1_000));

            var programme = org.microcred.benchmarks.insights.InsightsProgrammeData.load(emulators.dynamoDb(), names,
                    org.microcred.benchmarks.insights.InsightsReportBenchmark.ENROLMENTS);
            Map<String, String> insightsEnv = emulators.functionEnvironment(template, "InsightsFunction", names);
            String insightsOrg = org.microcred.benchmarks.insights.InsightsProgrammeData.ORG;
            coldStarts.add(new ColdStart(functionJar(root, "insights"), probes, insightsEnv).measureHttp(
                    "InsightsFunction", "org.microcred.insights.InsightsHandler",
                    "GET /orgs/{orgId}/reports/microcredentials (50,000 enrolments)", runs,
                    List.of("GET", "/orgs/{orgId}/reports/microcredentials", "/orgs/" + insightsOrg
                            + "/reports/microcredentials", "orgId=" + insightsOrg, "-",
                            "bench-admin," + insightsOrg + ",org-admin")));
            if (Boolean.getBoolean("bench.coldStartOnly")) {
                // For working on start-up: the cold-start table and its breakdown only, no files written.
                System.out.println(Report.coldStartTable(runs, coldStarts) + Report.coldStartBreakdown(coldStarts));
                System.exit(0);
            }
            Map<String, Stats> reports = org.microcred.benchmarks.insights.InsightsReportBenchmark.measure(
                    org.microcred.benchmarks.insights.InsightsReportBenchmark.handler(insightsEnv), 20, 100);

            long loadStart = System.nanoTime();
            CatalogFixtures.publish(authoring, catalogSize - 12, 4);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            CatalogReadHandler reader = new CatalogReadHandler(FunctionEnvironment.of(readEnv));
            Stats warm = WarmSearch.measure(reader, 2_000, 5_000);

            // Last, so its district and micro-credential stay out of the fixtures above; only the
            // journey's own handlers carry the capacity meter.
            CapacityJourney.Result capacity = CapacityJourney.run(emulators, template, names);

            List<LatencySection> sections = List.of(
                    LatencySection.single("Warm search", String.format(Locale.ROOT, "`GET /microcredentials?q=...` "
                            + "through the real handler in-process, with %,d published micro-credentials (loaded through "
                            + "the authoring service in %.0f s). Each request runs the in-memory search and the JSON "
                            + "response; the index refreshes from the ByChange index (a Query, no Scan) against DynamoDB "
                            + "Local at most once a second, as deployed. Queries of one or two words, every fifth with a "
                            + "collection filter; 2,000 warm-up requests. Target p99 <= 10 ms.", catalogSize, loadSeconds),
                            warm),
                    LatencySection.single("Warm enrolment", "`POST /microcredentials/{id}/enrollments` through the real "
                            + "handler in-process, each a different learner enrolling alone in one of 10 published "
                            + "micro-credentials of an organisation open to anyone, with two qualified coaches: "
                            + "eligibility, coach choice, and one transaction (guard, enrolment, coach load, two outbox "
                            + "emails) against DynamoDB Local, after 300 warm-up.", enrol),
                    LatencySection.single("Warm presign", "`POST /enrollments/{id}/artifacts` declaring a 0.5 MB PDF "
                            + "through the real handler in-process: access check, requirement check, the artifact write "
                            + "and a presigned PUT signing content type and length, after 500 warm-up.", presign),
                    LatencySection.single("Warm review page", "`GET /review/{token}` rendering the coach's page for a "
                            + "submitted attempt through the real handler in-process: token check, enrolment, attempt, "
                            + "artifacts, rubric and earlier attempts read from DynamoDB Local, escaped HTML, after 300 "
                            + "warm-up.", reviewPage),
                    LatencySection.single("Badge issuance", "One mastery decision delivered as a one-record stream "
                            + "batch to the real BadgeIssuerHandler in-process, each a different enrolment: read the "
                            + "enrolment, published version, organisation and evidence; build the Open Badges 3.0 "
                            + "credential; sign the VC-JWT (ES256) and the embedded eddsa-rdfc-2022 proof (JSON-LD to "
                            + "RDF, RDFC-1.0, Ed25519) with local keys (KMS adds a Sign round trip per key in AWS); one "
                            + "transaction of badge, keys and email. 500 measured after 50 warm-up.", issuance),
                    new LatencySection("Badge page and verification", "The public `GET /badges/{id}` HTML page (badge, "
                            + "issuer key, live ES256 check, revocation, expiry) and `GET /badges/{id}/verify` (the same "
                            + "plus the embedded Data Integrity proof: canonicalisation and Ed25519) through the real "
                            + "BadgeHandler in-process, for a badge issued by the real issuer.", List.of(
                                    new LatencySection.Row("`GET /badges/{id}`", badgePage),
                                    new LatencySection.Row("`GET /badges/{id}/verify`", badgeVerify))),
                    new LatencySection(PROGRAMME_REPORTS, String.format(Locale.ROOT, "`GET /orgs/{orgId}/reports/...` "
                            + "through the real InsightsHandler in-process for one organisation with %,d enrolments over "
                            + "a year (40 micro-credentials, 120 coaches; %,d stream changes folded into %,d aggregate "
                            + "items and %,d credit records by the aggregator's own fact derivation, %,d reviews "
                            + "waiting), each report over the school year as JSON and as CSV, asked for as a browser "
                            + "does (gzip accepted), 20 warm-up calls each. The credits report (every mastery of the "
                            + "year, one CSV line each) reads finished months from their snapshots, which its first "
                            + "call takes, and, in a warm function, from memory once their mastery counts still "
                            + "match; the current month item by item. Target p99 <= 200 ms.",
                            programme.enrolments(), programme.streamChanges(), programme.aggregateItems(),
                            programme.creditItems(), programme.waitingReviews()),
                            reports.entrySet().stream().map(entry -> new LatencySection.Row(entry.getKey(),
                                    entry.getValue())).toList()));
            String report = Report.render(COMMAND, runs, coldStarts, sections, CapacitySection.section(capacity),
                    DeploymentJars.section(DeploymentJars.measure(root), DeploymentJars.before(root)), "Load average (1, 5, 15 min) when the run started: " + loadBefore
                            + "; when it ended: " + loadAverage() + ". On a machine shared with other builds, "
                            + "a load above the core count means the latencies include waiting for a core.");
            Files.writeString(root.resolve("docs/benchmarks.md"), report);
            Files.writeString(root.resolve("benchmarks/results.json"), ResultsJson.render(COMMAND, coldStarts, capacity,
                    sections, PROGRAMME_REPORTS));
            System.out.println(report);
        }
        // The functions' libraries leave a non-daemon executor thread behind, as in the probes.
        System.exit(0);
    }

    /** A warm section's request count, or one request when only cold starts are wanted. */
    private static int size(int count) {
        return Boolean.getBoolean("bench.coldStartOnly") ? 1 : count;
    }

    /** The 1, 5 and 15 minute load averages (Linux), or "unknown". */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static Path functionJar(Path root, String module) throws Exception {
        try (Stream<Path> files = Files.list(root.resolve("functions").resolve(module).resolve("target"))) {
            return files.filter(DeploymentJars::isDeploymentJar).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Build first: no shaded jar in functions/" + module
                            + "/target (run mvn -DskipTests install)"));
        }
    }
}
