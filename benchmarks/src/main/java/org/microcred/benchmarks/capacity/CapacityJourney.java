package org.microcred.benchmarks.capacity;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.microcred.badges.BadgeHandler;
import org.microcred.badgeissuer.BadgeIssuerHandler;
import org.microcred.emulators.LocalEmulators;
import org.microcred.emulators.SamTemplate;
import org.microcred.emulators.StreamEventSource;
import org.microcred.emulators.junit.HttpApiEvents;
import org.microcred.emulators.junit.LambdaTestContext;
import org.microcred.emulators.junit.PresignedRequests;
import org.microcred.enrollment.EnrollmentHandler;
import org.microcred.evidence.EvidenceHandler;
import org.microcred.insights.InsightsAggregatorHandler;
import org.microcred.notification.NotificationHandler;
import org.microcred.records.core.DynamoDbClients;
import org.microcred.review.ReviewHandler;
import org.microcred.shared.config.FunctionEnvironment;
import org.microcred.shared.json.Json;

/**
 * One learner's whole journey through the real handlers, in-process against DynamoDB Local,
 * S3Proxy and the SES emulator, with every DynamoDB request metered ({@link CapacityMeter}):
 * enrol alone, three pieces of evidence (a PDF uploaded through its presigned PUT, a reflection,
 * a link), submit, the coach asks for a revision, revised evidence and a resubmission, mastery,
 * and the learner reads their badges. After every step the learning table's stream is delivered
 * to its three consumers (emails, badge issuer, insights aggregates) in batches of the sizes
 * template.yaml gives them, until it runs dry; each consumer's share is its own row.
 */
public final class CapacityJourney {
    /** Issue 16's targets for one journey. */
    public static final double WCU_TARGET = 60;
    public static final double RCU_TARGET = 40;
    private static final String REVIEW_LINK_KEY = "capacity-review-link-key-0123456789abcdef";
    private static final String LEARNER = "cap-learner-dana";
    private static final String ORG = JourneyFixtures.ORGANIZATION;
    private static final byte[] LESSON_PLAN = lessonPlan(180_000);

    private final CapacityMeter meter;
    private final StreamFeed feed;
    private final List<Consumer> consumers;
    private final EnrollmentHandler enrollments;
    private final EvidenceHandler evidence;
    private final ReviewHandler review;
    private final BadgeHandler badges;

    /** A stream consumer: its handler, its batch size, and which records it is subscribed to (its filter). */
    private record Consumer(String function, String records, int batchSize,
                            Function<DynamodbEvent, StreamsEventResponse> handler,
                            Predicate<DynamodbEvent.DynamodbStreamRecord> subscribed) {
    }

    /** What one journey consumed, step by step. */
    public record Result(List<CapacityMeter.Step> steps, List<String> disagreements) {
        public double rcu() {
            return steps.stream().mapToDouble(CapacityMeter.Step::rcu).sum();
        }

        public double wcu() {
            return steps.stream().mapToDouble(CapacityMeter.Step::wcu).sum();
        }
    }

    private CapacityJourney(CapacityMeter meter, StreamFeed feed, List<Consumer> consumers, EnrollmentHandler enrollments,
                            EvidenceHandler evidence, ReviewHandler review, BadgeHandler badges) {
        this.meter = meter;
        this.feed = feed;
        this.consumers = consumers;
        this.enrollments = enrollments;
        this.evidence = evidence;
        this.review = review;
        this.badges = badges;
    }

    /**
     * Seeds the district, meters the functions' DynamoDB clients (only handlers built here carry the
     * meter; it is taken off again at the end) and walks the journey once.
     */
    public static Result run(LocalEmulators emulators, SamTemplate template, Map<String, String> names) {
        JourneyFixtures.seedOrganization(emulators.dynamoDb(), names.get("OrganizationsTable"));
        String microCredential = JourneyFixtures.publishMicroCredential(emulators.dynamoDb(), names.get("CatalogTable"));
        CapacityMeter meter = new CapacityMeter(emulators.dynamoDb());
        DynamoDbClients.addInterceptor(meter);
        try {
            Function<String, FunctionEnvironment> env = function -> {
                Map<String, String> variables = new HashMap<>(emulators.functionEnvironment(template, function, names));
                variables.put("MICROCRED_REVIEW_LINK_KEY", REVIEW_LINK_KEY);
                return FunctionEnvironment.of(variables);
            };
            var notification = new NotificationHandler(env.apply("NotificationFunction"));
            var issuer = new BadgeIssuerHandler(FunctionEnvironment.of(org.microcred.benchmarks.BadgeIssuerFixtures
                    .environment(emulators.functionEnvironment(template, "BadgeIssuerFunction", names))));
            var aggregator = new InsightsAggregatorHandler(env.apply("InsightsAggregatorFunction"));
            List<Consumer> consumers = List.of(
                    new Consumer("NotificationFunction", "outbox email", batchSize(template, "NotificationFunction"),
                            event -> notification.handleRequest(event, new LambdaTestContext("notification")),
                            record -> "INSERT".equals(record.getEventName()) && "EMAIL".equals(newText(record, "sk"))),
                    new Consumer("BadgeIssuerFunction", "mastery decision", batchSize(template, "BadgeIssuerFunction"),
                            event -> issuer.handleRequest(event, new LambdaTestContext("badge-issuer")),
                            record -> "INSERT".equals(record.getEventName()) && "mastery".equals(newText(record, "outcome"))),
                    new Consumer("InsightsAggregatorFunction", "learning change",
                            batchSize(template, "InsightsAggregatorFunction"), aggregator::aggregate,
                            record -> "ENROLLMENT".equals(keyText(record, "sk")) || ("INSERT".equals(record.getEventName())
                                    && keyText(record, "sk").startsWith("ATTEMPT#"))));
            StreamFeed feed = new StreamFeed(emulators.dynamoDb(), emulators.dynamoDbStreams(), names.get("LearningTable"));
            feed.skipToEnd();
            CapacityJourney journey = new CapacityJourney(meter, feed, consumers,
                    new EnrollmentHandler(env.apply("EnrollmentFunction")), new EvidenceHandler(env.apply("EvidenceFunction")),
                    new ReviewHandler(env.apply("ReviewFunction")), new BadgeHandler(env.apply("BadgeFunction")));
            journey.walk(microCredential);
            return new Result(meter.steps(), meter.disagreements());
        } finally {
            DynamoDbClients.removeInterceptor(meter);
        }
    }

    private void walk(String microCredential) {
        String learner = LEARNER + "-" + Long.toString(System.nanoTime(), 36);
        Map<String, String> learnerClaims = claims(learner, "Dana Whitfield", "learner");
        Map<?, ?> enrolled = http("enrol alone", "EnrollmentFunction", enrollments, "POST /microcredentials/{id}/enrollments",
                "/microcredentials/" + microCredential + "/enrollments", Map.of("id", microCredential), learnerClaims,
                null, 201);
        String enrollment = enrolled.get("id").toString();
        String coach = ((Map<?, ?>) enrolled.get("coach")).get("id").toString();
        Map<String, String> coachClaims = claims(coach, "Coach", "coach");

        evidence(enrollment, learnerClaims, "");
        http("submit", "EvidenceFunction", evidence, "POST /enrollments/{id}/submissions",
                "/enrollments/" + enrollment + "/submissions", Map.of("id", enrollment), learnerClaims, null, 201);
        decide(enrollment + ".1", coachClaims, "needs-revision", "not-yet",
                "The plan is clear. Say what you changed for the students who missed the objective, and how you "
                        + "regrouped them the next morning.");
        evidence(enrollment, learnerClaims, " (attempt 2)");
        http("resubmit", "EvidenceFunction", evidence, "POST /enrollments/{id}/submissions",
                "/enrollments/" + enrollment + "/submissions", Map.of("id", enrollment), learnerClaims, null, 201);
        decide(enrollment + ".2", coachClaims, "mastery", "proficient", "Clear groups and a well-aimed reteach.");
        Map<?, ?> mine = http("learner reads badges", "BadgeFunction", badges, "GET /me/badges", "/me/badges", Map.of(),
                learnerClaims, null, 200);
        if (((List<?>) mine.get("items")).size() != 1) {
            throw new IllegalStateException("Expected the learner to hold one badge: " + mine);
        }
    }

    /** The three pieces of evidence of an attempt, each its own step. */
    private void evidence(String enrollment, Map<String, String> claims, String attempt) {
        String path = "/enrollments/" + enrollment + "/artifacts";
        Map<?, ?> declared = http("lesson plan PDF: declare" + attempt, "EvidenceFunction", evidence,
                "POST /enrollments/{id}/artifacts", path, Map.of("id", enrollment), claims, Json.write(Map.of(
                        "requirementId", "lesson-plan", "kind", "file", "fileName", "Exit ticket lesson plan.pdf",
                        "mediaType", "application/pdf", "sizeBytes", LESSON_PLAN.length,
                        "sha256", PresignedRequests.sha256(LESSON_PLAN))), 201);
        Map<?, ?> upload = (Map<?, ?>) declared.get("upload");
        var put = PresignedRequests.put(upload.get("url").toString(), "application/pdf", LESSON_PLAN);
        if (put.statusCode() != 200) {
            throw new IllegalStateException("The presigned PUT answered " + put.statusCode() + ": " + put.body());
        }
        String artifact = declared.get("id").toString();
        http("lesson plan PDF: confirm upload" + attempt, "EvidenceFunction", evidence,
                "POST /enrollments/{id}/artifacts/{artifactId}/complete", path + "/" + artifact + "/complete",
                Map.of("id", enrollment, "artifactId", artifact), claims, null, 200);
        http("reflection (text)" + attempt, "EvidenceFunction", evidence, "POST /enrollments/{id}/artifacts", path,
                Map.of("id", enrollment), claims, Json.write(Map.of("requirementId", "reflection", "kind", "text",
                        "text", REFLECTION)), 201);
        http("materials (link)" + attempt, "EvidenceFunction", evidence, "POST /enrollments/{id}/artifacts", path,
                Map.of("id", enrollment), claims, Json.write(Map.of("requirementId", "materials", "kind", "link",
                        "url", "https://docs.example.org/lakeside/exit-tickets-week-3")), 201);
    }

    /** The coach opens the submission, then records the decision with every criterion scored. */
    private void decide(String submission, Map<String, String> claims, String outcome, String level, String feedback) {
        http("coach reads the submission", "ReviewFunction", review, "GET /submissions/{id}", "/submissions/" + submission,
                Map.of("id", submission), claims, null, 200);
        List<Map<String, String>> scores = new ArrayList<>();
        for (String criterion : List.of("alignment", "analysis", "decision")) {
            scores.add(Map.of("criterionId", criterion, "levelId", criterion.equals("alignment") ? "proficient" : level));
        }
        http("coach decides: " + outcome, "ReviewFunction", review, "POST /submissions/{id}/decision",
                "/submissions/" + submission + "/decision", Map.of("id", submission), claims,
                Json.write(Map.of("outcome", outcome, "feedback", feedback, "scores", scores)), 200);
    }

    /** One HTTP request as its own step, then the stream it caused. */
    private Map<?, ?> http(String step, String function, org.microcred.shared.http.HttpFunction handler, String routeKey,
                           String path, Map<String, String> pathParameters, Map<String, String> claims, String body,
                           int expected) {
        APIGatewayV2HTTPEvent event = HttpApiEvents.event(routeKey, path, pathParameters, Map.of(),
                Map.of("content-type", "application/json"), claims, body);
        APIGatewayV2HTTPResponse response = meter.step(step, function, () -> handler.dispatch(event));
        if (response.getStatusCode() != expected) {
            throw new IllegalStateException(step + ": expected " + expected + " but got " + response.getStatusCode()
                    + ": " + response.getBody());
        }
        deliverStream();
        return Json.read(response.getBody(), Map.class);
    }

    /** Hands everything new on the stream to its consumers, round after round, until nothing new comes. */
    private void deliverStream() {
        for (List<DynamodbEvent.DynamodbStreamRecord> batch = feed.drain(); !batch.isEmpty(); batch = feed.drain()) {
            List<DynamodbEvent.DynamodbStreamRecord> records = batch;
            for (Consumer consumer : consumers) {
                long subscribed = records.stream().filter(consumer.subscribed()).count();
                String name = "↳ " + subscribed + " " + consumer.records() + (subscribed == 1 ? "" : "s");
                CapacityMeter.Step step = meter.step(name, consumer.function(), () -> {
                    for (int from = 0; from < records.size(); from += consumer.batchSize()) {
                        DynamodbEvent event = new DynamodbEvent();
                        event.setRecords(records.subList(from, Math.min(records.size(), from + consumer.batchSize())));
                        StreamsEventResponse response = consumer.handler().apply(event);
                        if (response.getBatchItemFailures() != null && !response.getBatchItemFailures().isEmpty()) {
                            throw new IllegalStateException(consumer.function() + " failed records: "
                                    + response.getBatchItemFailures());
                        }
                    }
                    return meter.currentStep();
                });
                if (step.rcu() == 0 && step.wcu() == 0 && step.calls().stream().allMatch(c -> c.failure() == null)) {
                    meter.forget(step);
                }
            }
        }
    }

    private static int batchSize(SamTemplate template, String function) {
        return template.functions().stream().filter(f -> f.logicalId().equals(function))
                .flatMap(f -> f.streamEvents().stream()).mapToInt(StreamEventSource::batchSize).findFirst()
                .orElseThrow(() -> new IllegalStateException(function + " has no stream event in template.yaml"));
    }

    private static String newText(DynamodbEvent.DynamodbStreamRecord record, String attribute) {
        var image = record.getDynamodb().getNewImage();
        return image == null || image.get(attribute) == null ? null : image.get(attribute).getS();
    }

    private static String keyText(DynamodbEvent.DynamodbStreamRecord record, String attribute) {
        var value = record.getDynamodb().getKeys().get(attribute);
        return value == null || value.getS() == null ? "" : value.getS();
    }

    private static Map<String, String> claims(String userId, String name, String group) {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("sub", userId);
        claims.put("email", userId + "@lakeside.example");
        claims.put("name", name);
        claims.put("custom:orgId", ORG);
        claims.put("cognito:groups", "[" + group + "]");
        return claims;
    }

    /** A PDF-shaped file of {@code size} bytes, the same every run. */
    private static byte[] lessonPlan(int size) {
        byte[] bytes = new byte[size];
        byte[] header = "%PDF-1.4\n% exit ticket lesson plan\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < size; i++) {
            bytes[i] = i < header.length ? header[i] : (byte) ('a' + i % 26);
        }
        return bytes;
    }

    private static final String REFLECTION = "Twenty-two of twenty-eight students wrote the correct equivalent "
            + "fraction on the exit ticket. Four drew the area model correctly but wrote the wrong numerator, and two "
            + "left the ticket blank. The next morning I pulled the six into a small group at the back table and we "
            + "rebuilt the area model with fraction strips before they tried two more tickets; five of the six got "
            + "both right. The rest of the class started the extension task on comparing fractions with unlike "
            + "denominators. Next time I will put the blank-ticket students with a partner during the lesson itself.";
}
