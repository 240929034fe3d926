package org.microcred.enrollment.model;

import org.microcred.records.learning.Enrollment;

/** What the learner should do next, in words: shown on the enrolment and in its emails. */
public final class NextStep {
    private NextStep() {
    }

    public static String of(Enrollment enrollment) {
        String evidence = enrollment.evidenceTitles().isEmpty() ? "the evidence the micro-credential asks for"
                : String.join("; ", enrollment.evidenceTitles());
        return switch (enrollment.status()) {
            case ENROLLED -> "Your enrolment is being set up.";
            case AWAITING_COACH -> "Your organisation is assigning you a coach; you will get an email as soon as "
                    + "they do. Meanwhile, read the micro-credential and plan your evidence: " + evidence + ".";
            case IN_PROGRESS -> "Meet your coach " + enrollment.coach().name() + " and prepare your evidence: " + evidence
                    + ". Submit it when it is ready.";
            case SUBMITTED -> "Your evidence is submitted; your coach will start reviewing it soon.";
            case UNDER_REVIEW -> "Your coach is reviewing your evidence; you will get an email with the decision.";
            case NEEDS_REVISION -> "Read your coach's feedback, revise your evidence and submit it again.";
            case MASTERED -> "Congratulations, you have earned this micro-credential.";
            case WITHDRAWN -> "You withdrew from this micro-credential. You may enrol again while it is offered.";
        };
    }
}
