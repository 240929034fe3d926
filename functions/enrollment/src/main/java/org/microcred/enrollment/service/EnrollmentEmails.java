package org.microcred.enrollment.service;

import java.time.Clock;
import java.util.List;
import org.microcred.enrollment.model.NextStep;
import org.microcred.records.learning.Enrollment;
import org.microcred.records.learning.EnrollmentStatus;
import org.microcred.records.learning.OutboxEmail;
import org.microcred.records.learning.Person;
import org.microcred.records.organizations.Coach;

/**
 * The emails enrolment sends, written as a district's own staff would want them: who the coach
 * is and how to reach them, what to do next, and a link to the enrolment. They come from the
 * offering organisation's name. Message ids are derived from the enrolment, so a retried
 * transaction can never queue the same email twice.
 */
public class EnrollmentEmails {
    private final String webAppUrl;
    private final Clock clock;

    public EnrollmentEmails(String webAppUrl, Clock clock) {
        this.webAppUrl = webAppUrl.endsWith("/") ? webAppUrl.substring(0, webAppUrl.length() - 1) : webAppUrl;
        this.clock = clock;
    }

    /** To the learner on enrolment: their coach (or that one is coming), the evidence, the next step. */
    public OutboxEmail welcome(Enrollment enrollment, List<Person> plcColleagues) {
        Person coach = enrollment.coach();
        String subject = coach == null
                ? "You're enrolled in " + enrollment.microCredentialTitle() + "; your coach is being assigned"
                : "Welcome to " + enrollment.microCredentialTitle() + ": your coach is " + coach.name();
        EmailBody body = new EmailBody("Welcome to " + enrollment.microCredentialTitle())
                .paragraph("Hello " + enrollment.learner().name() + ",")
                .paragraph("You are enrolled in the micro-credential \"" + enrollment.microCredentialTitle()
                        + "\" (version " + enrollment.microCredentialVersion() + ") offered by "
                        + enrollment.organizationName() + ".");
        if (!plcColleagues.isEmpty()) {
            body.list("You enrolled together with your PLC. You share one coach and can follow each other's progress:",
                    plcColleagues.stream().map(Person::name).toList());
        }
        if (coach == null) {
            body.paragraph("Your organisation is assigning you a coach now. You will get another email as soon as "
                    + "they do, with your coach's name and contact details.");
        } else {
            body.contact("Your coach", coach.name(), coach.email())
                    .paragraph(coach.name() + " will support you and review your evidence. Reply to this email to "
                            + "reach them, for example to agree on a first conversation.");
        }
        body.list("The evidence you will submit:", enrollment.evidenceTitles())
                .paragraph("Next step: " + NextStep.of(enrollment))
                .button("Open your enrolment", enrollmentUrl(enrollment))
                .signature(enrollment.organizationName());
        return email(enrollment.id() + "#welcome", enrollment, enrollment.learner().email(),
                coach == null ? null : coach.email(), subject, body);
    }

    /** To the learner when an admin assigns the coach they were waiting for. */
    public OutboxEmail coachAssigned(Enrollment enrollment) {
        Person coach = enrollment.coach();
        EmailBody body = new EmailBody("Your coach for " + enrollment.microCredentialTitle())
                .paragraph("Hello " + enrollment.learner().name() + ",")
                .paragraph("Good news: you now have a coach for \"" + enrollment.microCredentialTitle() + "\".")
                .contact("Your coach", coach.name(), coach.email())
                .paragraph("Reply to this email to reach " + coach.name() + ".")
                .list("The evidence you will submit:", enrollment.evidenceTitles())
                .paragraph("Next step: " + NextStep.of(enrollment))
                .button("Open your enrolment", enrollmentUrl(enrollment))
                .signature(enrollment.organizationName());
        return email(enrollment.id() + "#coach-assigned", enrollment, enrollment.learner().email(), coach.email(),
                "Your coach for " + enrollment.microCredentialTitle() + " is " + coach.name(), body);
    }

    /**
     * To the coach: one email for the learner, or for a whole PLC at once (one outbox item
     * rather than one per learner keeps a 30-person PLC within one transaction).
     *
     * @param first the enrolment that caused it; its id names the message
     */
    public OutboxEmail coachNewLearners(Enrollment first, Coach coach, List<Enrollment> learners) {
        boolean plc = learners.size() > 1;
        String title = first.microCredentialTitle();
        String subject = plc
                ? "You have " + learners.size() + " new learners (a PLC) in " + title
                : "You have a new learner: " + first.learner().name() + " (" + title + ")";
        EmailBody body = new EmailBody(plc ? "New learners for you to coach" : "A new learner for you to coach")
                .paragraph("Hello " + coach.name() + ",")
                .paragraph(plc
                        ? "A PLC of " + learners.size() + " educators enrolled together in \"" + title
                          + "\" and you are their coach. They share you as their coach and see each other's progress."
                        : first.learner().name() + " enrolled in \"" + title + "\" and you are their coach.");
        for (Enrollment learner : learners) {
            body.contact("Learner", learner.learner().name(), learner.learner().email());
        }
        body.paragraph("Please get in touch within the next few days to welcome "
                        + (plc ? "them" : first.learner().name()) + " and agree on how you will work together.")
                .button("Open the enrolment", enrollmentUrl(first))
                .signature(first.organizationName());
        return email(first.id() + "#coach-new-learner", first, coach.email(),
                plc ? null : first.learner().email(), subject, body);
    }

    /** To the learner when an admin moves them to another coach. */
    public OutboxEmail reassignedToLearner(Enrollment next, Person previous) {
        Person coach = next.coach();
        EmailBody body = new EmailBody("Your new coach for " + next.microCredentialTitle())
                .paragraph("Hello " + next.learner().name() + ",")
                .paragraph(next.organizationName() + " has given you a new coach for \"" + next.microCredentialTitle()
                        + "\": " + coach.name() + " takes over from " + previous.name() + ".")
                .contact("Your coach", coach.name(), coach.email())
                .paragraph(next.status() == EnrollmentStatus.SUBMITTED
                        ? "Your submitted evidence stays as it is; " + coach.name() + " will review it."
                        : "Reply to this email to reach " + coach.name() + ".")
                .paragraph("Next step: " + NextStep.of(next))
                .button("Open your enrolment", enrollmentUrl(next))
                .signature(next.organizationName());
        return email(reassignmentId(next, "learner"), next, next.learner().email(), coach.email(),
                "Your new coach for " + next.microCredentialTitle() + " is " + coach.name(), body);
    }

    /** To the coach the learner leaves: no action needed, and the review link they had stops working. */
    public OutboxEmail reassignedFromCoach(Enrollment next, Person previous) {
        EmailBody body = new EmailBody("A learner moved to another coach")
                .paragraph("Hello " + previous.name() + ",")
                .paragraph(next.organizationName() + " has moved " + next.learner().name() + " (\""
                        + next.microCredentialTitle() + "\") to another coach, " + next.coach().name()
                        + ". You no longer coach this enrolment.")
                .paragraph(next.status() == EnrollmentStatus.SUBMITTED
                        ? "Their waiting review has moved too; the review link you were sent no longer works."
                        : "There is nothing you need to do.")
                .signature(next.organizationName());
        return email(reassignmentId(next, "old-coach"), next, previous.email(), null,
                "No longer your learner: " + next.learner().name() + " (" + next.microCredentialTitle() + ")", body);
    }

    /**
     * To the coach who takes over. A waiting review comes with its review link
     * ({@code reviewUrl}, null otherwise), so they can start at once.
     */
    public OutboxEmail reassignedToCoach(Enrollment next, Person previous, String reviewUrl) {
        Person coach = next.coach();
        EmailBody body = new EmailBody(reviewUrl == null ? "A learner for you to coach" : "A review for you")
                .paragraph("Hello " + coach.name() + ",")
                .paragraph(next.organizationName() + " has moved " + next.learner().name() + " (\""
                        + next.microCredentialTitle() + "\") to you from " + previous.name() + ".")
                .contact("Learner", next.learner().name(), next.learner().email());
        if (reviewUrl != null) {
            body.paragraph("Attempt " + next.attempts() + " of their evidence is submitted and waiting for your "
                            + "review. The link below opens it with the rubric; it is for you only.")
                    .button("Review the submission", reviewUrl);
        } else {
            body.paragraph("Please get in touch within the next few days to welcome " + next.learner().name() + ".")
                    .button("Open the enrolment", enrollmentUrl(next));
        }
        body.signature(next.organizationName());
        String subject = reviewUrl == null
                ? "You have a new learner: " + next.learner().name() + " (" + next.microCredentialTitle() + ")"
                : "Please review: " + next.learner().name() + " submitted evidence (" + next.microCredentialTitle() + ")";
        return email(reassignmentId(next, "new-coach"), next, coach.email(), next.learner().email(), subject, body);
    }

    /** Unique per reassignment (the version it produced), the same on a retry of it. */
    private static String reassignmentId(Enrollment next, String recipient) {
        return next.id() + "#reassigned-" + next.version() + "-" + recipient;
    }

    private OutboxEmail email(String messageId, Enrollment enrollment, String to, String replyTo, String subject,
                              EmailBody body) {
        return new OutboxEmail(messageId, enrollment.organizationId(), enrollment.organizationName(), List.of(to),
                replyTo, subject, body.html(), body.text(), Timestamps.now(clock));
    }

    private String enrollmentUrl(Enrollment enrollment) {
        return webAppUrl + "/enrollments/" + enrollment.id();
    }
}
