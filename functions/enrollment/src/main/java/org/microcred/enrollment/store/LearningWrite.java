package org.microcred.enrollment.store;

import static org.microcred.enrollment.store.Attributes.s;
import static org.microcred.enrollment.store.LearningItems.ENROLLMENT_ID;
import static org.microcred.enrollment.store.LearningItems.STATUS;
import static org.microcred.enrollment.store.LearningItems.VERSION;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.microcred.enrollment.model.Enrollment;
import org.microcred.enrollment.model.OutboxEmail;
import org.microcred.enrollment.model.PlcGroup;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The items of one transaction, each with the condition that keeps state consistent: a new
 * enrolment only if the learner holds no open one (the guard), a changed enrolment only if it is
 * still in the version and status it was read in, a coach's counter only while the coach is in
 * the pool, an email only once. Built by the service, committed by {@link LearningStore#commit}.
 */
public final class LearningWrite {
    private final String tableName;
    private final String organizationsTable;
    private final List<TransactWriteItem> items = new ArrayList<>();

    LearningWrite(String tableName, String organizationsTable) {
        this.tableName = tableName;
        this.organizationsTable = organizationsTable;
    }

    /** A new enrolment and its guard, refused if the learner already holds an open enrolment. */
    public LearningWrite create(Enrollment enrollment) {
        put(LearningItems.guardItem(enrollment), "attribute_not_exists(pk)", null, null);
        put(LearningItems.enrollmentItem(enrollment), "attribute_not_exists(pk)", null, null);
        return this;
    }

    /** The next state of an enrolment, only if nobody changed it since {@code current} was read. */
    public LearningWrite replace(Enrollment current, Enrollment next) {
        put(LearningItems.enrollmentItem(next), "#version = :version AND #status = :status",
                Map.of("#version", VERSION, "#status", STATUS),
                LearningStore.values(":version", current.version(), ":status", current.status().json()));
        return this;
    }

    /** Removes the learner's guard so they may enrol again; only the guard of this enrolment. */
    public LearningWrite releaseGuard(Enrollment enrollment) {
        items.add(TransactWriteItem.builder().delete(Delete.builder().tableName(tableName)
                .key(LearningItems.guardKey(enrollment.learner().id(), enrollment.microCredentialId()))
                .conditionExpression("#id = :id")
                .expressionAttributeNames(Map.of("#id", ENROLLMENT_ID))
                .expressionAttributeValues(Map.of(":id", s(enrollment.id()))).build()).build());
        return this;
    }

    /**
     * An item of another feature's own making (e.g. an evidence attempt) that must commit in the
     * same transaction as the enrolment change it belongs to.
     */
    public LearningWrite item(TransactWriteItem item) {
        items.add(item);
        return this;
    }

    public LearningWrite group(PlcGroup group) {
        put(LearningItems.groupItem(group), "attribute_not_exists(pk)", null, null);
        return this;
    }

    public LearningWrite email(OutboxEmail email) {
        put(LearningItems.outboxItem(email), "attribute_not_exists(pk)", null, null);
        return this;
    }

    /**
     * Adds {@code delta} to a coach's open enrolments. Conditional on the coach item existing,
     * so a coach removed from the pool meanwhile cancels the transaction instead of leaving a
     * half-made coach item behind.
     */
    public LearningWrite coachLoad(String organizationId, String coachId, long delta) {
        items.add(TransactWriteItem.builder().update(Update.builder().tableName(organizationsTable)
                .key(OrganizationItems.coachKey(organizationId, coachId))
                .updateExpression("ADD openEnrollments :delta")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":delta", Attributes.n(delta))).build()).build());
        return this;
    }

    public int size() {
        return items.size();
    }

    List<TransactWriteItem> items() {
        return List.copyOf(items);
    }

    private void put(Map<String, AttributeValue> item, String condition, Map<String, String> names,
                     Map<String, AttributeValue> values) {
        Put.Builder put = Put.builder().tableName(tableName).item(item).conditionExpression(condition);
        if (names != null) {
            put.expressionAttributeNames(names);
        }
        if (values != null) {
            put.expressionAttributeValues(values);
        }
        items.add(TransactWriteItem.builder().put(put.build()).build());
    }
}
