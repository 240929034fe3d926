package org.microcred.benchmarks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.microcred.enrollment.EnrollmentHandler;
import org.microcred.evidence.EvidenceHandler;
import org.microcred.records.learning.Submission;
import org.microcred.reviewlinks.ReviewLinks;
import org.microcred.shared.json.Json;

/**
 * A submitted attempt awaiting review, made through the real enrolment and evidence handlers,
 * and the coach's review link for it, signed with the benchmark's review-link key.
 */
final class ReviewFixtures {
    static final String REVIEW_LINK_KEY = "benchmark-review-link-key-0123456789abcdef";

    private ReviewFixtures() {
    }

    /** Enrols a learner, adds a text reflection, submits; returns the review token for the coach. */
    static String submittedAttemptToken(EnrollmentHandler enrollments, EvidenceHandler evidence, String offering,
                                        String learner) {
        String[] enrolled = EvidenceFixtures.enrol(enrollments, offering, learner, 1).get(0);
        String claims = enrolled[0] + ",org-bench,learner";
        String enrollmentId = enrolled[1];
        String text = "{\"requirementId\":\"lesson-plan\",\"kind\":\"text\",\"text\":\"Students <b>sorted</b> their exit "
                + "tickets into three piles & I retaught the middle pile the next morning.\"}";
        expect(evidence.dispatch(ColdStartProbe.httpEvent("POST", "/enrollments/{id}/artifacts",
                "/enrollments/" + enrollmentId + "/artifacts", enrollmentId, text, claims)), 201);
        expect(evidence.dispatch(ColdStartProbe.httpEvent("POST", "/enrollments/{id}/submissions",
                "/enrollments/" + enrollmentId + "/submissions", enrollmentId, null, claims)), 201);
        String coachId = coachOf(enrollments, enrollmentId, claims);
        return new ReviewLinks(REVIEW_LINK_KEY.getBytes(java.nio.charset.StandardCharsets.UTF_8), Duration.ofDays(14))
                .issue(Submission.id(enrollmentId, 1), coachId, Instant.now());
    }

    @SuppressWarnings("unchecked")
    private static String coachOf(EnrollmentHandler enrollments, String enrollmentId, String claims) {
        var response = enrollments.dispatch(ColdStartProbe.httpEvent("GET", "/enrollments/{id}",
                "/enrollments/" + enrollmentId, enrollmentId, null, claims));
        expect(response, 200);
        Map<String, Object> coach = (Map<String, Object>) Json.read(response.getBody(), Map.class).get("coach");
        return coach.get("id").toString();
    }

    static APIGatewayV2HTTPEvent reviewPage(String token) {
        return ColdStartProbe.httpEvent("GET", "/review/{token}", "/review/" + token, "token=" + token, null, "-");
    }

    private static void expect(com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse response, int status) {
        if (response.getStatusCode() != status) {
            throw new IllegalStateException("expected " + status + " but got " + response.getStatusCode() + ": "
                    + response.getBody());
        }
    }
}
