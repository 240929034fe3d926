package org.microcred.assessors.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.microcred.assessors.model.CalibrationItem;
import org.microcred.assessors.model.CalibrationSet;
import org.microcred.assessors.model.CalibrationSetRequest;
import org.microcred.assessors.store.AssessorStore;
import org.microcred.assessors.store.SubmissionReader;
import org.microcred.records.core.ConcurrentChangeException;
import org.microcred.shared.domain.Conflict;
import org.microcred.shared.domain.FieldError;
import org.microcred.shared.domain.Invalid;
import org.microcred.shared.domain.NotFound;
import org.microcred.shared.domain.RuleBroken;
import org.microcred.records.learning.LearningStore;
import org.microcred.shared.identity.Caller;

/**
 * An org admin chooses the calibration set of a micro-credential: 3 to 20 submissions of it in
 * the organisation that a coach already decided. The reference levels and outcome are copied
 * into the set when it is chosen, so the set does not depend on anything changing later.
 */
public class CalibrationSets {
    public static final int MIN_ITEMS = CalibrationSet.MIN_ITEMS;
    public static final int MAX_ITEMS = 20;

    private final AssessorStore store;
    private final CatalogReader catalog;
    private final SubmissionReader submissions;
    private final LearningStore learning;
    private final Clock clock;

    public CalibrationSets(AssessorStore store, CatalogReader catalog, SubmissionReader submissions,
                           LearningStore learning, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.submissions = submissions;
        this.learning = learning;
        this.clock = clock;
    }

    /** What the admin sees of a set: the submissions with their labels and reference outcomes. */
    public record SetView(String microCredentialId, int revision, String updatedAt, List<ItemView> items) {
    }

    public record ItemView(String itemId, String label, String submissionId, String outcome) {
    }

    /** The current set, for the organisation's admins. */
    public SetView current(Caller caller, String organizationId, String microCredentialId) {
        caller.requireAdminOf(organizationId);
        return store.calibrationSet(organizationId, microCredentialId).map(CalibrationSets::view)
                .orElseThrow(() -> new NotFound("There is no calibration set for " + microCredentialId + "."));
    }

    private static SetView view(CalibrationSet set) {
        return new SetView(set.microCredentialId(), set.revision(), set.updatedAt(), set.items().stream()
                .map(item -> new ItemView(item.itemId(), item.label(), item.submissionId(), item.outcome())).toList());
    }

    public SetView replace(Caller caller, String organizationId, String microCredentialId, CalibrationSetRequest request) {
        caller.requireAdminOf(organizationId);
        catalog.latest(microCredentialId).filter(version -> organizationId.equals(version.organizationId()))
                .orElseThrow(() -> new NotFound("Your organisation offers no published micro-credential "
                        + microCredentialId + "."));
        List<String> ids = request.submissionIds();
        if (ids.size() < MIN_ITEMS || ids.size() > MAX_ITEMS || new HashSet<>(ids).size() != ids.size()) {
            throw new Invalid("submissionIds", "must list " + MIN_ITEMS + " to " + MAX_ITEMS
                    + " different submission ids (it lists " + ids.size() + ")");
        }
        List<CalibrationItem> items = new ArrayList<>();
        List<FieldError> refused = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Optional<SubmissionReader.Decided> decided = submissions.find(ids.get(i))
                    .filter(found -> organizationId.equals(found.enrollment().organizationId())
                            && microCredentialId.equals(found.enrollment().microCredentialId()))
                    .flatMap(SubmissionReader.Found::decided);
            if (decided.isEmpty()) {
                refused.add(new FieldError("submissionIds[" + i + "]", "is not a decided submission of "
                        + microCredentialId + " in your organisation"));
                continue;
            }
            var d = decided.get();
            items.add(new CalibrationItem(itemId(ids.get(i)), "Submission " + (char) ('A' + i), ids.get(i),
                    d.enrollment().id(), d.submission().attempt(), d.enrollment().microCredentialVersion(),
                    d.enrollment().learner().id(), d.decidedBy(), d.outcome(), d.scores()));
        }
        if (!refused.isEmpty()) {
            throw new RuleBroken("not-decided", "Not a decided submission", refused.size()
                    + " of the submissions cannot be used: a calibration set needs submissions of this "
                    + "micro-credential in your organisation that a coach already decided.", refused);
        }
        Optional<CalibrationSet> previous = store.calibrationSet(organizationId, microCredentialId);
        CalibrationSet set = new CalibrationSet(organizationId, microCredentialId,
                previous.map(p -> p.revision() + 1).orElse(1), Timestamps.format(clock.instant()), caller.userId(), items);
        try {
            learning.commit(learning.newWrite().item(store.writes().putSet(set, previous.map(CalibrationSet::revision)
                    .orElse(null))));
        } catch (ConcurrentChangeException e) {
            throw new Conflict("Someone else changed this calibration set at the same time; read it and "
                    + "try again.");
        }
        return view(set);
    }

    /**
     * The id assessors see instead of the submission id: a hash, so it names the same
     * submission in every revision of the set but does not lead back to the enrolment.
     */
    static String itemId(String submissionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("calibration-item|" + submissionId)
                    .getBytes(StandardCharsets.UTF_8));
            return "cal-" + HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
