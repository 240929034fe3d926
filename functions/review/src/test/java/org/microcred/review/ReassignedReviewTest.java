package org.microcred.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcred.review.support.Fixture.body;
import static org.microcred.review.support.Fixture.expect;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microcred.emulators.junit.EmulatorsExtension;
import org.microcred.emulators.junit.TestStack;
import org.microcred.enrollment.EnrollmentHandler;
import org.microcred.reviewlinks.ReviewLinkKeys;
import org.microcred.review.support.Call;
import org.microcred.review.support.Fixture;
import org.microcred.review.support.Who;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An admin moves a waiting review to another coach through the enrolment function: the old
 * coach's review link stops working, the link in the new coach's email opens the review.
 */
@ExtendWith(EmulatorsExtension.class)
class ReassignedReviewTest {
    static final Who MARIA = Who.learner("u-maria-ra", "Maria Delgado");
    static final Who PRIYA = Who.coach("u-priya-ra", "Priya Raman");
    static final Who SAMUEL = Who.coach("u-samuel-ra", "Samuel Greene");
    static final Who GRACE = Who.admin("u-grace-ra", "Grace Admin");

    private static Fixture fixture;
    private static ReviewHandler reviews;
    private static EnrollmentHandler enrollments;

    @BeforeAll
    static void start(TestStack stack) {
        fixture = new Fixture(stack);
        fixture.coach(PRIYA, 5);
        fixture.qualifiedCoach(SAMUEL, Fixture.ORGANIZATION, 0);
        reviews = fixture.handler();
        enrollments = new EnrollmentHandler(stack.environment("EnrollmentFunction")
                .with(ReviewLinkKeys.LOCAL_REVIEW_LINK_KEY, Fixture.REVIEW_LINK_KEY));
    }

    @Test
    void reassigningAWaitingReview_retiresTheOldLink_andTheNewCoachsLinkOpensIt() {
        String enrollment = fixture.enrollment(MARIA, PRIYA);
        String submission = fixture.submit(enrollment, MARIA, "We regrouped after the exit tickets.", null);
        String oldLink = fixture.token(submission, PRIYA);
        expect(reviews.dispatch(Call.page(oldLink).event()), 200);

        var moved = body(expect(enrollments.dispatch(Call.assignCoach(enrollment, SAMUEL.userId()).as(GRACE).event()),
                200));

        assertThat(moved.path("coach").path("name").asText()).isEqualTo("Samuel Greene");
        var old = reviews.dispatch(Call.page(oldLink).event());
        assertThat(old.getStatusCode()).isEqualTo(403);
        assertThat(old.getBody()).contains("not valid").doesNotContain("regrouped");
        Map<String, AttributeValue> email = fixture.outbox(enrollment + "#reassigned-3-new-coach");
        assertThat(email.get("to").l()).extracting(AttributeValue::s).containsExactly(SAMUEL.email());
        Matcher link = Pattern.compile("/review/([A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+)").matcher(email.get("text").s());
        assertThat(link.find()).isTrue();
        var page = expect(reviews.dispatch(Call.page(link.group(1)).event()), 200);
        assertThat(page.getBody()).contains("We regrouped after the exit tickets.");
        assertThat(fixture.openEnrollments(PRIYA)).isEqualTo(4);
        assertThat(fixture.openEnrollments(SAMUEL)).isEqualTo(1);
        // The queue moved with it: Samuel sees it, Priya no longer does.
        assertThat(body(expect(reviews.dispatch(Call.queue().as(SAMUEL).event()), 200)).path("items"))
                .extracting(item -> item.path("submissionId").asText()).containsExactly(submission);
        assertThat(body(expect(reviews.dispatch(Call.queue().as(PRIYA).event()), 200)).path("items"))
                .extracting(item -> item.path("submissionId").asText()).doesNotContain(submission);
    }
}
