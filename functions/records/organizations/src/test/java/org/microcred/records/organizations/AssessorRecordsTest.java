package org.microcred.records.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.microcred.emulators.junit.TestStack;
import org.microcred.emulators.junit.WithEmulators;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The assessor pathway's items (ASSESSOR#, CALIBRATION#, CALSCORE#) against DynamoDB Local. */
@WithEmulators
class AssessorRecordsTest {
    private static final String ORG = "org-assessor-records";
    private static final String MC = "exit-tickets";
    private static final String NOW = "2026-01-01T00:00:00.000Z";

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final AssessorRecords records;

    AssessorRecordsTest(TestStack stack) {
        this.dynamoDb = stack.dynamoDb();
        this.tableName = stack.tableName("OrganizationsTable");
        this.records = new AssessorRecords(new OrganizationsTable(dynamoDb, tableName));
    }

    private static Assessor invited(String userId, int revision, Double minimumExactAgreement) {
        return new Assessor(ORG, MC, "Exit Tickets", userId, "Bea Assessor", userId + "@riverbend.example",
                AssessorStatus.INVITED, revision, 0.6, minimumExactAgreement, NOW, "u-admin", "2026-01-15T00:00:00.000Z",
                null, null, 0, null);
    }

    private void commit(TransactWriteItem... items) {
        dynamoDb.transactWriteItems(r -> r.transactItems(items));
    }

    private Map<String, AttributeValue> item(Map<String, AttributeValue> key) {
        return dynamoDb.getItem(r -> r.tableName(tableName).key(key).consistentRead(true)).item();
    }

    @Test
    void invitation_readsBackAsWritten_andKeepsTheStoredAttributeNames() {
        commit(records.writes().putInvitation(invited("u-bea", 1, 0.75), null));

        assertThat(records.assessor(ORG, "u-bea", MC)).contains(invited("u-bea", 1, 0.75));
        assertThat(records.assessorsFor(ORG, "u-bea")).extracting(Assessor::microCredentialId).containsExactly(MC);
        Map<String, AttributeValue> stored = item(OrganizationKeys.assessor(ORG, "u-bea", MC));
        assertThat(stored.get("sk").s()).isEqualTo("ASSESSOR#u-bea#" + MC);
        assertThat(stored.get("assessorEmail").s()).isEqualTo("u-bea@riverbend.example");
        assertThat(stored).doesNotContainKey("email");
        assertThat(stored.get("minimumKappa").n()).isEqualTo("0.6");
        assertThat(stored.get("minimumExactAgreement").n()).isEqualTo("0.75");
        assertThat(stored.get("status").s()).isEqualTo("invited");
    }

    @Test
    void renewal_onlyOfTheRevisionRead_andAcceptOnlyForTheLinksRevision() {
        commit(records.writes().putInvitation(invited("u-cal", 1, null), null));
        assertThatThrownBy(() -> commit(records.writes().putInvitation(invited("u-cal", 1, null), null)))
                .isInstanceOf(TransactionCanceledException.class);
        commit(records.writes().putInvitation(invited("u-cal", 2, null), 1));

        assertThatThrownBy(() -> commit(records.writes().accept(ORG, "u-cal", MC, 1, NOW)))
                .isInstanceOf(TransactionCanceledException.class);
        commit(records.writes().accept(ORG, "u-cal", MC, 2, NOW));

        Assessor accepted = records.assessor(ORG, "u-cal", MC).orElseThrow();
        assertThat(accepted.status()).isEqualTo(AssessorStatus.CALIBRATING);
        assertThat(accepted.acceptedAt()).isEqualTo(NOW);
        assertThat(accepted.minimumExactAgreement()).isNull();
    }

    @Test
    void scores_areWrittenOnce_countedWhileCalibrating_andTheResultMakesTheAssessorLive() {
        commit(records.writes().putInvitation(invited("u-dan", 1, null), null));
        commit(records.writes().accept(ORG, "u-dan", MC, 1, NOW));
        AssessorScore score = new AssessorScore("item-1", List.of(new LevelChoice("alignment", "proficient")),
                "mastery", NOW);

        commit(records.writes().putScore(ORG, "u-dan", MC, score), records.writes().countScore(ORG, "u-dan", MC));
        assertThatThrownBy(() -> commit(records.writes().putScore(ORG, "u-dan", MC, score)))
                .isInstanceOf(TransactionCanceledException.class);
        CalibrationResult result = new CalibrationResult(1, 1, 1.0, 1.0, 1.0, List.of(new CriterionAgreement(
                "alignment", "Alignment", 1, 1, 1.0, null)), 0.6, null, true, List.of(), NOW);
        commit(records.writes().recordResult(ORG, "u-dan", MC, result, true, NOW));

        assertThat(records.scores(ORG, "u-dan", MC)).containsExactly(Map.entry("item-1", score));
        Assessor live = records.assessor(ORG, "u-dan", MC).orElseThrow();
        assertThat(live.status()).isEqualTo(AssessorStatus.LIVE);
        assertThat(live.scoresRecorded()).isEqualTo(1);
        assertThat(live.calibration()).isEqualTo(result);
        assertThatThrownBy(() -> commit(records.writes().countScore(ORG, "u-dan", MC)))
                .as("only while calibrating").isInstanceOf(TransactionCanceledException.class);
    }

    @Test
    void calibrationSet_isReplacedOnlyFromTheRevisionRead() {
        CalibrationItem item = new CalibrationItem("item-1", "Submission A", "enr-1.1", "enr-1", 1, 3, "u-learner",
                "u-coach", "mastery", List.of(new LevelChoice("alignment", "proficient")));
        CalibrationSet first = new CalibrationSet(ORG, MC, 1, NOW, "u-admin", List.of(item));
        commit(records.writes().putSet(first, null));
        CalibrationSet second = new CalibrationSet(ORG, MC, 2, NOW, "u-admin", List.of(item, item));

        assertThatThrownBy(() -> commit(records.writes().putSet(second, 2)))
                .isInstanceOf(TransactionCanceledException.class);
        commit(records.writes().putSet(second, 1));

        assertThat(records.calibrationSet(ORG, MC)).contains(second);
        assertThat(records.calibrationSet(ORG, "none")).isEmpty();
    }

    @Test
    void newCoach_isCalibrating_andGoesLiveWhenTheMicroCredentialLeavesTheCalibratingList() {
        commit(records.writes().newCoach(ORG, "u-eve", "Eve Coach", "Eve@Riverbend.Example", MC));
        CoachPools pools = new CoachPools(new OrganizationsTable(dynamoDb, tableName));
        assertThat(pools.coach(ORG, "u-eve")).hasValueSatisfying(coach -> {
            assertThat(coach.email()).isEqualTo("eve@riverbend.example");
            assertThat(coach.isCalibratingFor(MC)).isTrue();
        });
        assertThatThrownBy(() -> commit(records.writes().joinCoach(ORG, "u-eve", MC)))
                .as("already listed").isInstanceOf(TransactionCanceledException.class);

        commit(records.writes().coachLive(ORG, "u-eve", 0, MC));

        assertThat(pools.coach(ORG, "u-eve").orElseThrow().isCalibratingFor(MC)).isFalse();
        assertThat(pools.coach(ORG, "u-eve").orElseThrow().microCredentialIds()).containsExactly(MC);
    }
}
