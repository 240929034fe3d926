package org.microcred.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.emulators.junit.ApiResponses.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microcred.emulators.junit.EmulatorsExtension;
import org.microcred.emulators.junit.TestStack;
import org.microcred.enrollment.support.Person;
import org.microcred.enrollment.support.Requests;
import org.microcred.enrollment.support.Seed;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The automatic coach choice and assessors in calibration (issue 7): a coach item listing a
 * micro-credential in {@code calibratingMicroCredentialIds} gets no new learners in it, however
 * idle, but keeps getting them in the micro-credentials it is live for.
 */
@ExtendWith(EmulatorsExtension.class)
class CalibratingAssessorApiTest {
    static final String RIVERBEND = "org-riverbend";
    static final Person NINA = Person.learner("u-nina-cal", "nina@riverbend.k12.example", "Nina Cal", RIVERBEND);
    static final Person OTTO = Person.learner("u-otto-cal", "otto@riverbend.k12.example", "Otto Cal", RIVERBEND);
    static final Person BUSY = Person.coach("u-busy-cal", "busy@riverbend.k12.example", "Busy Live", RIVERBEND);
    static final Person NEW_ASSESSOR = Person.coach("u-assessor-cal", "assessor@riverbend.k12.example",
            "Idle Assessor", RIVERBEND);

    private static Seed seed;
    private static TestStack stack;
    private static EnrollmentHandler handler;
    private static String calibrating;
    private static String live;

    @BeforeAll
    static void seed(TestStack testStack) {
        stack = testStack;
        seed = new Seed(stack);
        seed.organization(RIVERBEND, "Riverbend Unified School District", "members");
        seed.member(NINA);
        seed.member(OTTO);
        calibrating = seed.microCredential(RIVERBEND, "calibration-collection", "Calibrating here");
        live = seed.microCredential(RIVERBEND, "calibration-collection", "Live here");
        seed.coach(BUSY, List.of(calibrating, live), List.of(), 40);
        seed.coach(NEW_ASSESSOR, List.of(calibrating, live), List.of(), 0);
        stack.dynamoDb().updateItem(r -> r.tableName(seed.organizationsTable()).key(Map.of(
                        "pk", AttributeValue.fromS("ORG#" + RIVERBEND), "sk", AttributeValue.fromS("COACH#"
                                + NEW_ASSESSOR.userId())))
                .updateExpression("SET calibratingMicroCredentialIds = :ids")
                .expressionAttributeValues(Map.of(":ids", AttributeValue.fromL(List.of(AttributeValue.fromS(calibrating))))));
        handler = new EnrollmentHandler(stack.environment("EnrollmentFunction"));
    }

    @Test
    void enroll_inAMicroCredentialTheIdleCoachIsCalibratingFor_getsTheLiveCoach() {
        JsonNode enrollment = ok(handler.dispatch(Requests.enroll(calibrating).as(NINA).event()), 201);

        assertThat(enrollment.get("coach").get("id").asText()).isEqualTo(BUSY.userId());
        assertThat(seed.openEnrollments(RIVERBEND, NEW_ASSESSOR.userId())).isZero();
    }

    @Test
    void enroll_inAMicroCredentialTheCoachIsLiveFor_stillGetsTheLeastLoadedCoach() {
        JsonNode enrollment = ok(handler.dispatch(Requests.enroll(live).as(OTTO).event()), 201);

        assertThat(enrollment.get("coach").get("id").asText()).isEqualTo(NEW_ASSESSOR.userId());
    }
}
