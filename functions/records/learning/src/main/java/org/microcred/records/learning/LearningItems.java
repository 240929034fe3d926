package org.microcred.records.learning;

import static org.microcred.records.core.Attributes.n;
import static org.microcred.records.core.Attributes.number;
import static org.microcred.records.core.Attributes.putIfPresent;
import static org.microcred.records.core.Attributes.s;
import static org.microcred.records.core.Attributes.strings;
import static org.microcred.records.core.Attributes.text;
import static org.microcred.records.core.Attributes.textList;
import static org.microcred.records.learning.LearningKeys.COACH_KEY;
import static org.microcred.records.learning.LearningKeys.LEARNER_KEY;
import static org.microcred.records.learning.LearningKeys.ORG_STATUS_KEY;
import static org.microcred.records.learning.LearningKeys.PK;
import static org.microcred.records.learning.LearningKeys.UPDATED_AT;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps the learning table's items (docs/data-model.md): {@code ENR#id / ENROLLMENT} the
 * enrolment with its index keys, {@code LEARNER#user / MC#id} the guard that makes enrolling
 * idempotent, {@code PLC#id / GROUP} a PLC. The keys are {@link LearningKeys}'.
 */
final class LearningItems {
    static final String VERSION = "version";
    static final String STATUS = "status";
    static final String ENROLLMENT_ID = "enrollmentId";

    private LearningItems() {
    }

    static Map<String, AttributeValue> enrollmentItem(Enrollment e) {
        Map<String, AttributeValue> item = new HashMap<>(LearningKeys.enrollment(e.id()));
        item.put(ENROLLMENT_ID, s(e.id()));
        item.put(STATUS, s(e.status().json()));
        item.put(LEARNER_KEY, s(LearningKeys.learnerKey(e.learner().id())));
        item.put(ORG_STATUS_KEY, s(LearningKeys.orgStatusKey(e.organizationId(), e.status())));
        item.put(UPDATED_AT, s(e.updatedAt()));
        item.put("createdAt", s(e.createdAt()));
        item.put(VERSION, n(e.version()));
        item.put("microCredentialId", s(e.microCredentialId()));
        item.put("microCredentialVersion", n(e.microCredentialVersion()));
        item.put("title", s(e.microCredentialTitle()));
        item.put("organizationId", s(e.organizationId()));
        putIfPresent(item, "organizationName", e.organizationName());
        item.put("learnerId", s(e.learner().id()));
        putIfPresent(item, "learnerEmail", e.learner().email());
        putIfPresent(item, "learnerName", e.learner().name());
        putIfPresent(item, "learnerOrganizationId", e.learnerOrganizationId());
        if (e.coach() != null) {
            item.put(COACH_KEY, s(LearningKeys.coachKey(e.coach().id())));
            item.put("coachId", s(e.coach().id()));
            putIfPresent(item, "coachName", e.coach().name());
            putIfPresent(item, "coachEmail", e.coach().email());
        }
        putIfPresent(item, "plcGroupId", e.plcGroupId());
        item.put("attempts", n(e.attempts()));
        item.put("evidenceTitles", strings(e.evidenceTitles()));
        return item;
    }

    static Enrollment enrollmentFrom(Map<String, AttributeValue> item) {
        Person coach = item.containsKey("coachId")
                ? new Person(text(item, "coachId"), text(item, "coachName"), text(item, "coachEmail")) : null;
        EnrollmentStatus status = EnrollmentStatus.fromJson(text(item, STATUS))
                .orElseThrow(() -> new IllegalStateException("Unknown status " + text(item, STATUS) + " on " + text(item, PK)));
        return new Enrollment(text(item, ENROLLMENT_ID), status, text(item, "microCredentialId"),
                (int) number(item, "microCredentialVersion", 1), text(item, "title"), text(item, "organizationId"),
                text(item, "organizationName"),
                new Person(text(item, "learnerId"), text(item, "learnerName"), text(item, "learnerEmail")),
                text(item, "learnerOrganizationId"), coach, text(item, "plcGroupId"),
                (int) number(item, "attempts", 0), textList(item, "evidenceTitles"), text(item, "createdAt"),
                text(item, UPDATED_AT), number(item, VERSION, 1));
    }

    static Map<String, AttributeValue> guardItem(Enrollment e) {
        Map<String, AttributeValue> item = new HashMap<>(LearningKeys.guard(e.learner().id(), e.microCredentialId()));
        item.put(ENROLLMENT_ID, s(e.id()));
        item.put("createdAt", s(e.createdAt()));
        return item;
    }

    static Map<String, AttributeValue> groupItem(PlcGroup group) {
        Map<String, AttributeValue> item = new HashMap<>(LearningKeys.group(group.id()));
        item.put("plcGroupId", s(group.id()));
        item.put("microCredentialId", s(group.microCredentialId()));
        item.put("organizationId", s(group.organizationId()));
        item.put("createdAt", s(group.createdAt()));
        item.put("members", AttributeValue.fromL(group.members().stream().map(member -> {
            Map<String, AttributeValue> m = new HashMap<>();
            m.put(ENROLLMENT_ID, s(member.enrollmentId()));
            m.put("userId", s(member.userId()));
            putIfPresent(m, "name", member.name());
            return AttributeValue.fromM(m);
        }).toList()));
        return item;
    }

    static PlcGroup groupFrom(Map<String, AttributeValue> item) {
        List<PlcGroup.Member> members = item.get("members").l().stream().map(AttributeValue::m)
                .map(m -> new PlcGroup.Member(text(m, ENROLLMENT_ID), text(m, "userId"), text(m, "name")))
                .toList();
        return new PlcGroup(text(item, "plcGroupId"), text(item, "microCredentialId"), text(item, "organizationId"),
                members, text(item, "createdAt"));
    }
}
