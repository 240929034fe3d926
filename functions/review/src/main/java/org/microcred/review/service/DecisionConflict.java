package org.microcred.review.service;

import org.microcred.records.learning.Decision;
import org.microcred.shared.http.ApiProblem;

/** 409: the attempt already has its one decision, which the problem carries. */
public class DecisionConflict extends ApiProblem {
    private final transient Decision decision;

    public DecisionConflict(Decision decision) {
        super(409, "already-decided", "Already decided", "Attempt " + decision.attempt() + " was already decided: "
                + decision.outcome().json() + " by " + decision.coachName() + " at " + decision.decidedAt() + ".");
        this.decision = decision;
    }

    public Decision decision() {
        return decision;
    }
}
