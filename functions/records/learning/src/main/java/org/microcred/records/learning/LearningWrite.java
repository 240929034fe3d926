package org.microcred.records.learning;

import static org.microcred.records.core.Attributes.s;
import static org.microcred.records.learning.LearningItems.ENROLLMENT_ID;
import static org.microcred.records.learning.LearningItems.STATUS;
import static org.microcred.records.learning.LearningItems.VERSION;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.microcred.records.organizations.CoachPools;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The items of one transaction, each with the condition that keeps state consistent: a new
 * enrolment only if the learner holds no open one (the guard), a changed enrolment only if it is
 * still in the version and status it was read in, a coach's counters only while the coach entry
 * exists (and, for new learners, is active with room), an email only once. Built by the service, committed by {@link LearningStore#commit}.
 */
public final class LearningWrite {
    private final String tableName;
    private final CoachPools coachPools;
    private final List<TransactWriteItem> items = new ArrayList<>();

    LearningWrite(String tableName, CoachPools coachPools) {
        this.tableName = tableName;
        this.coachPools = coachPools;
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
                .key(LearningKeys.guard(enrollment.learner().id(), enrollment.microCredentialId()))
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

    /** An email announcing the change, queued once (see {@link OutboxWriter}). */
    public LearningWrite email(OutboxEmail email) {
        items.add(OutboxWriter.transactItem(tableName, email));
        return this;
    }

    /**
     * Gives a coach {@code count} new open enrolments of the micro-credential ({@code
     * openEnrollments} and {@code open#<mcId>} both + count). Conditional on the coach entry
     * existing, being active and, with a {@code capacity} (their seat's in the pool; null = no
     * limit), having room for all of them: a coach deactivated or filled up meanwhile cancels
     * the transaction instead of being handed a learner too many.
     */
    public LearningWrite coachTakes(String organizationId, String coachId, String microCredentialId, int count,
                                    Integer capacity) {
        items.add(coachPools.addLoad(organizationId, coachId, microCredentialId, count, capacity));
        return this;
    }

    /**
     * Moves a coach's open enrolments of the micro-credential by {@code delta} ({@code -1} when
     * one is mastered, withdrawn or moved to another coach): both counters by the same amount.
     * Conditional on the coach entry existing, so a coach entry removed meanwhile cancels the
     * transaction instead of being re-created as a half-made item.
     */
    public LearningWrite coachLoad(String organizationId, String coachId, String microCredentialId, long delta) {
        items.add(coachPools.changeLoad(organizationId, coachId, microCredentialId, delta));
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
