package org.microcred.review.support;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.microcred.emulators.junit.PresignedRequests;
import org.microcred.records.learning.Artifact;
import org.microcred.records.learning.ArtifactKind;
import org.microcred.records.learning.ArtifactStatus;
import org.microcred.records.learning.ArtifactStore;
import org.microcred.records.learning.Enrollment;
import org.microcred.records.learning.EnrollmentStatus;
import org.microcred.records.learning.LearningStore;
import org.microcred.records.learning.OutboxEmail;
import org.microcred.records.learning.Submission;
import org.microcred.records.learning.evidence.EvidenceFiles;
import org.microcred.reviewlinks.ReviewLinks;
import org.microcred.shared.web.Html;

/**
 * What the evidence function writes before a review starts, written through records/learning:
 * a learner's artifacts, a declared file sent through its presigned URL and sealed once checked,
 * the submitted attempt with its enrolment move, and the coach's email with the review link.
 */
final class LearnerEvidence {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LearningStore learning;
    private final ArtifactStore artifacts;
    private final EvidenceFiles files;
    private final ReviewLinks links;
    private final String apiUrl;

    LearnerEvidence(LearningStore learning, ArtifactStore artifacts, EvidenceFiles files, ReviewLinks links,
                    String apiUrl) {
        this.learning = learning;
        this.artifacts = artifacts;
        this.files = files;
        this.links = links;
        this.apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
    }

    /**
     * The learner submits the open attempt, as the evidence function does: the reflection (and,
     * given one, the materials link) join the attempt's confirmed artifacts, and one transaction
     * freezes the attempt, moves the enrolment to {@code submitted} and queues the coach's email
     * with a signed review link. Returns the submission id.
     */
    String submit(String enrollmentId, Who learner, String reflection, String link) {
        Enrollment enrollment = enrollment(enrollmentId);
        if (!enrollment.isLearner(learner.userId())) {
            throw new IllegalArgumentException(learner.userId() + " is not the learner of " + enrollmentId);
        }
        int attempt = enrollment.attempts() + 1;
        String now = TIMESTAMP.format(Instant.now());
        artifacts.add(Artifact.builder().id(newArtifactId()).enrollmentId(enrollmentId).attempt(attempt)
                .requirementId("reflection").kind(ArtifactKind.TEXT).status(ArtifactStatus.CONFIRMED).text(reflection)
                .createdAt(now).confirmedAt(now).build(), null);
        if (link != null) {
            artifacts.add(Artifact.builder().id(newArtifactId()).enrollmentId(enrollmentId).attempt(attempt)
                    .requirementId("materials").kind(ArtifactKind.LINK).status(ArtifactStatus.CONFIRMED).url(link)
                    .createdAt(now).confirmedAt(now).build(), null);
        }
        List<String> confirmed = artifacts.artifacts(enrollmentId, attempt).stream().filter(Artifact::isConfirmed)
                .map(Artifact::id).toList();
        Submission submission = Submission.submitted(enrollmentId, attempt, now, confirmed);
        Enrollment moved = enrollment.movedTo(EnrollmentStatus.SUBMITTED, now);
        Enrollment next = new Enrollment(moved.id(), moved.status(), moved.microCredentialId(),
                moved.microCredentialVersion(), moved.microCredentialTitle(), moved.organizationId(),
                moved.organizationName(), moved.learner(), moved.learnerOrganizationId(), moved.coach(),
                moved.plcGroupId(), attempt, moved.evidenceTitles(), moved.createdAt(), moved.updatedAt(),
                moved.version());
        String reviewUrl = apiUrl + "/review/" + links.issue(submission.id(), enrollment.coach().id(), Instant.now());
        learning.commit(learning.newWrite().replace(enrollment, next)
                .item(artifacts.submissionItem(submission, enrollment.coach().id()))
                .email(submittedEmail(enrollment, attempt, reviewUrl, now)));
        return submission.id();
    }

    /**
     * The learner declares a file for the open attempt, as the evidence function does: a declared
     * artifact whose upload key is under {@code evidence/}, and a PUT URL signed for its type and size.
     */
    Fixture.DeclaredFile declareFile(String enrollmentId, String requirementId, String fileName,
                                     String mediaType, byte[] bytes) {
        Enrollment enrollment = enrollment(enrollmentId);
        int attempt = enrollment.attempts() + 1;
        String id = newArtifactId();
        String key = "evidence/" + storagePath(enrollment, attempt, id);
        Artifact declared = Artifact.builder().id(id).enrollmentId(enrollmentId).attempt(attempt)
                .requirementId(requirementId).kind(ArtifactKind.FILE).status(ArtifactStatus.DECLARED)
                .fileName(fileName).mediaType(mediaType).sizeBytes((long) bytes.length)
                .sha256(PresignedRequests.sha256(bytes))
                .createdAt(TIMESTAMP.format(Instant.now())).objectKey(key).build();
        artifacts.add(declared, null);
        String uploadUrl = files.presignPut(key, mediaType, bytes.length, Duration.ofMinutes(15));
        return new Fixture.DeclaredFile(declared, uploadUrl);
    }

    /**
     * Confirms the uploaded file as the evidence function does once it checked it: the object is
     * copied to its sealed key (the only one ever served) and the upload object is removed.
     */
    void confirm(Fixture.DeclaredFile file) {
        Artifact declared = file.artifact();
        EvidenceFiles.ReadBack uploaded = files.readBack(declared.objectKey())
                .orElseThrow(() -> new AssertionError("Nothing was uploaded to " + declared.objectKey()));
        if (!uploaded.sha256().equals(declared.sha256())) {
            throw new AssertionError("The upload is not the declared file");
        }
        Enrollment enrollment = enrollment(declared.enrollmentId());
        String sealedKey = EvidenceFiles.SEALED_PREFIX + storagePath(enrollment, declared.attempt(), declared.id());
        if (!files.seal(declared.objectKey(), uploaded.object(), sealedKey, declared.mediaType())) {
            throw new AssertionError("The upload changed while it was sealed");
        }
        artifacts.confirm(declared, declared.confirmed(true, TIMESTAMP.format(Instant.now()), sealedKey));
        files.delete(declared.objectKey());
    }

    private Enrollment enrollment(String enrollmentId) {
        return learning.find(enrollmentId).orElseThrow();
    }

    /** The coach's email of a submitted attempt, as the evidence function words it. */
    private static OutboxEmail submittedEmail(Enrollment enrollment, int attempt, String reviewUrl, String now) {
        String learner = enrollment.learner().name();
        String round = attempt == 1 ? "evidence" : "revised evidence (attempt " + attempt + ")";
        String subject = learner + " submitted " + round + " for " + enrollment.microCredentialTitle();
        String text = "Hello " + enrollment.coach().name() + ",\n\n" + learner + " submitted " + round + " for "
                + enrollment.microCredentialTitle() + ".\n\nReview the submission: " + reviewUrl + "\n";
        String html = "<!doctype html><html><body><p><a href=\"" + Html.escape(reviewUrl)
                + "\">Review the submission</a></p></body></html>";
        return new OutboxEmail(enrollment.id() + "#submitted-" + attempt, enrollment.organizationId(),
                enrollment.organizationName(), List.of(enrollment.coach().email()), enrollment.learner().email(),
                subject, html, text, now);
    }

    /** {@code <orgId>/<enrollmentId>/<attempt>/<artifactId>}, as the evidence function keys stored files. */
    private static String storagePath(Enrollment enrollment, int attempt, String artifactId) {
        return enrollment.organizationId() + "/" + enrollment.id() + "/" + attempt + "/" + artifactId;
    }

    /** An id of the evidence function's shape ({@code art-} and 20 lower-case letters or digits). */
    private static String newArtifactId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder id = new StringBuilder("art-");
        for (int i = 0; i < 20; i++) {
            id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
