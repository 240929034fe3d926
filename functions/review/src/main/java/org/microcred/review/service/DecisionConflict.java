package org.microcred.review.service;

import java.util.Map;
import org.microcred.shared.domain.Conflict;
import org.microcred.records.learning.Decision;

/** The attempt already has its one decision, which the conflict carries for the client to show. */
public class DecisionConflict extends Conflict {
    private final transient Decision decision;

    public DecisionConflict(Decision decision) {
        super("already-decided", "Already decided", "Attempt " + decision.attempt() + " was already decided: "
                + decision.outcome().json() + " by " + decision.coachName() + " at " + decision.decidedAt() + ".");
        this.decision = decision;
    }

    public Decision decision() {
        return decision;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("decision", decision);
    }
}
