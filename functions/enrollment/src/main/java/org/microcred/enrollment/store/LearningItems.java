package org.microcred.enrollment.store;

import static org.microcred.enrollment.store.Attributes.n;
import static org.microcred.enrollment.store.Attributes.number;
import static org.microcred.enrollment.store.Attributes.putIfPresent;
import static org.microcred.enrollment.store.Attributes.s;
import static org.microcred.enrollment.store.Attributes.strings;
import static org.microcred.enrollment.store.Attributes.text;
import static org.microcred.enrollment.store.Attributes.textList;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.microcred.enrollment.model.Enrollment;
import org.microcred.enrollment.model.EnrollmentStatus;
import org.microcred.enrollment.model.OutboxEmail;
import org.microcred.enrollment.model.Person;
import org.microcred.enrollment.model.PlcGroup;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps the learning table's items (docs/data-model.md): {@code ENR#id / ENROLLMENT} the
 * enrolment with its index keys, {@code LEARNER#user / MC#id} the guard that makes enrolling
 * idempotent, {@code PLC#id / GROUP} a PLC, {@code OUTBOX#messageId / EMAIL} an email to send.
 */
final class LearningItems {
    static final String PK = "pk";
    static final String SK = "sk";
    static final String ENROLLMENT = "ENROLLMENT";
    static final String LEARNER_KEY = "learnerKey";
    static final String COACH_KEY = "coachKey";
    static final String ORG_STATUS_KEY = "orgStatusKey";
    static final String UPDATED_AT = "updatedAt";
    static final String VERSION = "version";
    static final String STATUS = "status";
    static final String ENROLLMENT_ID = "enrollmentId";

    private LearningItems() {
    }

    static Map<String, AttributeValue> enrollmentKey(String enrollmentId) {
        return Map.of(PK, s("ENR#" + enrollmentId), SK, s(ENROLLMENT));
    }

    static Map<String, AttributeValue> guardKey(String userId, String microCredentialId) {
        return Map.of(PK, s(learnerKey(userId)), SK, s("MC#" + microCredentialId));
    }

    static Map<String, AttributeValue> groupKey(String groupId) {
        return Map.of(PK, s("PLC#" + groupId), SK, s("GROUP"));
    }

    static String learnerKey(String userId) {
        return "LEARNER#" + userId;
    }

    static String orgStatusKey(String organizationId, EnrollmentStatus status) {
        return organizationId + "#" + status.json();
    }

    static Map<String, AttributeValue> enrollmentItem(Enrollment e) {
        Map<String, AttributeValue> item = new HashMap<>(enrollmentKey(e.id()));
        item.put(ENROLLMENT_ID, s(e.id()));
        item.put(STATUS, s(e.status().json()));
        item.put(LEARNER_KEY, s(learnerKey(e.learner().id())));
        item.put(ORG_STATUS_KEY, s(orgStatusKey(e.organizationId(), e.status())));
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
            item.put(COACH_KEY, s("COACH#" + e.coach().id()));
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
        Map<String, AttributeValue> item = new HashMap<>(guardKey(e.learner().id(), e.microCredentialId()));
        item.put(ENROLLMENT_ID, s(e.id()));
        item.put("createdAt", s(e.createdAt()));
        return item;
    }

    static Map<String, AttributeValue> groupItem(PlcGroup group) {
        Map<String, AttributeValue> item = new HashMap<>(groupKey(group.id()));
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

    /** The outbox contract the notification function reads (docs/data-model.md). */
    static Map<String, AttributeValue> outboxItem(OutboxEmail email) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s("OUTBOX#" + email.messageId()));
        item.put(SK, s("EMAIL"));
        item.put("messageId", s(email.messageId()));
        item.put("organizationId", s(email.organizationId()));
        item.put("fromName", s(email.fromName()));
        item.put("to", strings(email.to()));
        putIfPresent(item, "replyTo", email.replyTo());
        item.put("subject", s(email.subject()));
        item.put("html", s(email.html()));
        item.put("text", s(email.text()));
        item.put("createdAt", s(email.createdAt()));
        return item;
    }
}
