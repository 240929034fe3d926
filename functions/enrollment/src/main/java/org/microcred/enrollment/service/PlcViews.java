package org.microcred.enrollment.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.microcred.enrollment.model.EnrollmentView;
import org.microcred.enrollment.model.EnrollmentView.PlcMemberView;
import org.microcred.enrollment.model.EnrollmentView.PlcView;
import org.microcred.records.learning.Enrollment;
import org.microcred.records.learning.LearningStore;
import org.microcred.records.learning.PlcGroup;

/**
 * Builds full enrolment views with their PLC: each member's name and current status, read
 * from the members' own enrolments (statuses change there, never on the group item).
 */
class PlcViews {
    private final LearningStore learning;

    PlcViews(LearningStore learning) {
        this.learning = learning;
    }

    EnrollmentView full(Enrollment enrollment, String viewerId) {
        return views(List.of(enrollment), viewerId).get(0);
    }

    /** Views of a page of enrolments: one group read per PLC and one batch read of all members. */
    List<EnrollmentView> views(List<Enrollment> enrollments, String viewerId) {
        Map<String, PlcGroup> groups = new HashMap<>();
        for (Enrollment enrollment : enrollments) {
            String groupId = enrollment.plcGroupId();
            if (groupId != null && !groups.containsKey(groupId)) {
                learning.group(groupId).ifPresent(group -> groups.put(groupId, group));
            }
        }
        List<String> memberIds = groups.values().stream()
                .flatMap(group -> group.members().stream().map(PlcGroup.Member::enrollmentId)).toList();
        Map<String, Enrollment> members = new HashMap<>(memberIds.isEmpty() ? Map.of() : learning.findAll(memberIds));
        enrollments.forEach(enrollment -> members.put(enrollment.id(), enrollment));
        List<EnrollmentView> views = new ArrayList<>();
        for (Enrollment enrollment : enrollments) {
            PlcView plc = Optional.ofNullable(enrollment.plcGroupId()).map(groups::get)
                    .map(group -> plcView(group, members, viewerId)).orElse(null);
            views.add(EnrollmentView.of(enrollment, plc));
        }
        return views;
    }

    static PlcView plcView(PlcGroup group, Map<String, Enrollment> enrollments, String viewerId) {
        List<PlcMemberView> members = new ArrayList<>();
        for (PlcGroup.Member member : group.members()) {
            Enrollment enrollment = enrollments.get(member.enrollmentId());
            if (enrollment != null) {
                members.add(new PlcMemberView(member.enrollmentId(), member.name(), enrollment.status(),
                        member.userId().equals(viewerId) ? Boolean.TRUE : null));
            }
        }
        return new PlcView(group.id(), members);
    }
}
