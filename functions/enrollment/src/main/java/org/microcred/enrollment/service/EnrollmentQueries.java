package org.microcred.enrollment.service;

import java.util.List;
import java.util.Optional;
import org.microcred.enrollment.model.EnrollmentPage;
import org.microcred.enrollment.model.EnrollmentView;
import org.microcred.enrollment.model.PlcPeerView;
import org.microcred.records.core.Page;
import org.microcred.records.learning.Enrollment;
import org.microcred.records.learning.EnrollmentStatus;
import org.microcred.records.learning.LearningStore;
import org.microcred.shared.identity.Caller;

/** Reading enrolments, each reader seeing only what they may (see {@link EnrollmentAccess}). */
public class EnrollmentQueries {
    private final LearningStore learning;
    private final PlcViews views;

    public EnrollmentQueries(LearningStore learning) {
        this.learning = learning;
        this.views = new PlcViews(learning);
    }

    /** The caller's own enrolments with their PLCs' statuses, most recently changed first. */
    public EnrollmentPage mine(Caller caller, int limit, Optional<String> cursor) {
        EnrollmentAccess.requireSignedIn(caller);
        Page<Enrollment> page = learning.byLearner(caller.userId(), limit, cursor);
        return new EnrollmentPage(views.views(page.items(), caller.userId()), page.nextCursor().orElse(null));
    }

    /**
     * The enrolment in full for its learner, coach and organisation admins; its status only for
     * a member of the same PLC; for anyone else it does not exist (404).
     */
    public Object detail(Caller caller, String enrollmentId) {
        EnrollmentAccess.requireSignedIn(caller);
        Enrollment enrollment = (EnrollmentIds.isEnrollmentId(enrollmentId) ? learning.find(enrollmentId)
                : Optional.<Enrollment>empty())
                .orElseThrow(() -> EnrollmentAccess.notFound(enrollmentId));
        if (EnrollmentAccess.seesFully(caller, enrollment)) {
            return views.full(enrollment, caller.userId());
        }
        boolean peer = enrollment.plcGroupId() != null && learning.group(enrollment.plcGroupId())
                .map(group -> group.includes(caller.userId())).orElse(false);
        if (peer) {
            return PlcPeerView.of(enrollment);
        }
        throw EnrollmentAccess.notFound(enrollmentId);
    }

    /** An organisation's enrolments in one status, for its admins (the awaiting-coach queue, for one). */
    public EnrollmentPage organization(Caller caller, String organizationId, EnrollmentStatus status, int limit,
                                       Optional<String> cursor) {
        caller.requireAdminOf(organizationId);
        Page<Enrollment> page = learning.byOrganizationStatus(organizationId, status, limit, cursor);
        List<EnrollmentView> items = page.items().stream().map(e -> EnrollmentView.of(e, null)).toList();
        return new EnrollmentPage(items, page.nextCursor().orElse(null));
    }
}
