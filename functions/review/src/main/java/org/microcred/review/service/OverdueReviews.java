package org.microcred.review.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.microcred.records.core.Page;
import org.microcred.records.learning.Enrollment;
import org.microcred.records.learning.EnrollmentStatus;
import org.microcred.records.learning.LearningStore;
import org.microcred.review.model.OverdueReport;
import org.microcred.review.model.WaitingReview;
import org.microcred.shared.domain.Forbidden;
import org.microcred.shared.domain.Unauthenticated;
import org.microcred.shared.identity.Caller;
import org.microcred.shared.identity.Role;

/**
 * An organisation's waiting reviews (its enrolments in status {@code submitted}, index
 * {@code ByOrganizationStatus}) measured against its target in business days. The waiting time
 * counts from the enrolment's {@code updatedAt}, which is the submission time while it waits.
 */
public class OverdueReviews {
    private static final int PAGE = 100;

    private final LearningStore learning;
    private final OrganizationDirectory directory;
    private final Clock clock;

    public OverdueReviews(LearningStore learning, OrganizationDirectory directory, Clock clock) {
        this.learning = learning;
        this.directory = directory;
        this.clock = clock;
    }

    /** {@code GET /orgs/{orgId}/reviews/overdue}: the organisation's admins (and platform admins) only. */
    public OverdueReport report(Caller caller, String organizationId) {
        if (!caller.isAuthenticated()) {
            throw new Unauthenticated("Sign in to do this.");
        }
        boolean admin = caller.has(Role.PLATFORM_ADMIN)
                || (caller.has(Role.ORG_ADMIN) && organizationId.equals(caller.organizationId()));
        if (!admin) {
            throw new Forbidden("Only administrators of an organisation can list its waiting reviews; you are "
                    + "not an administrator of " + organizationId + ".");
        }
        int target = directory.profile(organizationId).map(OrganizationDirectory.Profile::targetBusinessDays)
                .orElse(OrganizationDirectory.DEFAULT_TARGET_BUSINESS_DAYS);
        List<WaitingReview> waiting = waiting(organizationId, target, clock.instant());
        int over = (int) waiting.stream().filter(WaitingReview::overTarget).count();
        return new OverdueReport(organizationId, target, waiting.size(), over, waiting);
    }

    /** Every waiting review of the organisation, oldest first. */
    public List<WaitingReview> waiting(String organizationId, int target, Instant now) {
        return submitted(organizationId).stream().map(e -> measure(e, target, now)).toList();
    }

    /** The organisation's enrolments waiting for a review (with a coach), oldest submission first. */
    public List<Enrollment> submitted(String organizationId) {
        List<Enrollment> waiting = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<Enrollment> page = learning.byOrganizationStatus(organizationId, EnrollmentStatus.SUBMITTED, PAGE,
                    cursor);
            page.items().stream().filter(e -> e.coach() != null).forEach(waiting::add);
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        waiting.sort(Comparator.comparing(Enrollment::updatedAt));
        return waiting;
    }

    public static WaitingReview measure(Enrollment enrollment, int target, Instant now) {
        Instant submitted = Instant.parse(enrollment.updatedAt());
        return new WaitingReview(enrollment.id() + "." + enrollment.attempts(), enrollment.id(), enrollment.attempts(),
                enrollment.learner().name(), enrollment.microCredentialId(), enrollment.microCredentialTitle(),
                enrollment.coach().id(), enrollment.coach().name(), enrollment.updatedAt(),
                BusinessDays.wholeDays(submitted, now), target, BusinessDays.isOver(submitted, now, target));
    }
}
