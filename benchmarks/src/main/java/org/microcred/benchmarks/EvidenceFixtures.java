package org.microcred.benchmarks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.List;
import org.microcred.enrollment.EnrollmentHandler;
import org.microcred.shared.json.Json;

/** Learners enrolled (through the real enrolment handler) so the evidence function has someone to serve. */
final class EvidenceFixtures {
    /** A file declaration the benchmark catalog's "lesson-plan" requirement accepts. */
    static final String DECLARATION = "{\"requirementId\":\"lesson-plan\",\"kind\":\"file\",\"fileName\":\"Lesson plan.pdf\","
            + "\"mediaType\":\"application/pdf\",\"sizeBytes\":482133,\"sha256\":\""
            + "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"}";

    private EvidenceFixtures() {
    }

    /** One enrolment per learner; returns {learnerId, enrollmentId} pairs. */
    static List<String[]> enrol(EnrollmentHandler enrollments, String offering, String learnerPrefix, int count) {
        List<String[]> enrolled = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String learner = learnerPrefix + i;
            APIGatewayV2HTTPEvent event = ColdStartProbe.httpEvent("POST", "/microcredentials/{id}/enrollments",
                    "/microcredentials/" + offering + "/enrollments", offering, null, learner + ",org-bench,learner");
            APIGatewayV2HTTPResponse response = enrollments.dispatch(event);
            if (response.getStatusCode() != 201) {
                throw new IllegalStateException("enrolment answered " + response.getStatusCode() + ": " + response.getBody());
            }
            enrolled.add(new String[] {learner, Json.read(response.getBody(), java.util.Map.class).get("id").toString()});
        }
        return enrolled;
    }

    static APIGatewayV2HTTPEvent declare(String learner, String enrollmentId) {
        return ColdStartProbe.httpEvent("POST", "/enrollments/{id}/artifacts", "/enrollments/" + enrollmentId + "/artifacts",
                enrollmentId, DECLARATION, learner + ",org-bench,learner");
    }
}
