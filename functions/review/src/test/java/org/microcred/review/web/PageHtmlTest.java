package org.microcred.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.microcred.records.learning.Artifact;
import org.microcred.records.learning.ArtifactKind;
import org.microcred.records.learning.ArtifactStatus;
import org.microcred.records.learning.Enrollment;
import org.microcred.records.learning.EnrollmentStatus;
import org.microcred.records.learning.Person;
import org.microcred.records.learning.Submission;
import org.microcred.review.model.Rubric;
import org.microcred.review.model.RubricCriterion;
import org.microcred.review.model.RubricLevel;
import org.microcred.review.service.Target;
import org.microcred.shared.web.FormGuard;

/** How each kind of evidence is shown on the review page, without emulators. */
class PageHtmlTest {
    static final String PAYLOAD = "\"><img src=x onerror=alert(1)>";
    static final Target TARGET = new Target(new Enrollment("enr-aaaaaaaaaaaaaaaaaaaa", EnrollmentStatus.SUBMITTED,
            "exit-tickets", 1, "Exit tickets", "org-riverbend", "Riverbend", new Person("u-l", "Lea", "l@x.example"),
            "org-riverbend", new Person("u-c", "Cal", "c@x.example"), null, 1, List.of(), "2026-01-01T00:00:00.000Z",
            "2026-01-02T00:00:00.000Z", 2), new Submission("enr-aaaaaaaaaaaaaaaaaaaa.1", "enr-aaaaaaaaaaaaaaaaaaaa", 1,
            "submitted", "2026-01-02T00:00:00.000Z", List.of("art-1", "art-2", "art-3", "art-4")));
    static final Rubric RUBRIC = new Rubric("Exit tickets", "Uses exit tickets", List.of(new RubricCriterion("alignment",
            "Alignment", "", List.of(new RubricLevel("not-yet", "Not yet", "", false),
            new RubricLevel("proficient", "Proficient", "", true)))), Map.of("lesson-plan", "Lesson plan"));

    private static Artifact file(String id, String name, String type) {
        return artifact(id, "lesson-plan", ArtifactKind.FILE).fileName(name).mediaType(type).sizeBytes(10L)
                .checksumVerified(true).objectKey("evidence/k/" + id).sealedKey("sealed/k/" + id).build();
    }

    private static Artifact.Builder artifact(String id, String requirementId, ArtifactKind kind) {
        return Artifact.builder().id(id).enrollmentId("enr-aaaaaaaaaaaaaaaaaaaa").attempt(1).requirementId(requirementId)
                .kind(kind).status(ArtifactStatus.CONFIRMED).createdAt("2026-01-01T00:00:00.000Z");
    }

    @Test
    void form_headsEachArtifactWithItsRequirementTitleEscaped_orTheIdWhenTheDocumentHasNoTitle() {
        Rubric rubric = new Rubric(RUBRIC.title(), RUBRIC.competency(), RUBRIC.criteria(),
                Map.of("lesson-plan", "Lesson <script>alert(1)</script> plan", "materials", " "));
        Artifact text = artifact("art-5", "reflection", ArtifactKind.TEXT).text("We regrouped.").build();
        Artifact link = artifact("art-4", "materials", ArtifactKind.LINK).url("https://example.org/t").build();

        String html = PageHtml.form(TARGET, rubric, List.of(file("art-1", "plan.png", "image/png"), text, link),
                Map.of("art-1", "https://s3.example/img"), List.of(), new FormGuard.Fields("n", "m"), Map.of(),
                List.of());

        assertThat(html).contains("<h3>Lesson &lt;script&gt;alert(1)&lt;/script&gt; plan</h3>",
                "<h3>reflection</h3>", "<h3>materials</h3>");
        assertThat(html).doesNotContain("<script", "<h3>lesson-plan</h3>");
    }

    @Test
    void form_showsImagesVideosAndPdfsThroughTheirShortLivedLinksWithEscapedNames() {
        Artifact link = artifact("art-4", "materials", ArtifactKind.LINK).url("javascript:alert(1)").build();
        String html = PageHtml.form(TARGET, RUBRIC, List.of(file("art-1", "photo" + PAYLOAD + ".png", "image/png"),
                        file("art-2", "lesson.mp4", "video/mp4"), file("art-3", "plan.pdf", "application/pdf"), link),
                Map.of("art-1", "https://s3.example/img?a=1&b=2", "art-2", "https://s3.example/v",
                        "art-3", "https://s3.example/p"),
                List.of(), new FormGuard.Fields("n", "m"), Map.of(), List.of());

        assertThat(html).contains("<img src=\"https://s3.example/img?a=1&amp;b=2\" alt=\"photo&quot;&gt;&lt;img",
                "<video controls preload=\"metadata\" src=\"https://s3.example/v\">",
                "<object data=\"https://s3.example/p\" type=\"application/pdf\"",
                "<a href=\"#\" rel=\"noopener noreferrer\"", "<meta name=\"viewport\"");
        assertThat(html).doesNotContain("onerror=alert(1)>", "href=\"javascript:");
    }

    @Test
    void form_neverEmbedsATypeABrowserCouldRun_andSaysSoWhenAFileHasNoCheckedCopy() {
        String html = PageHtml.form(TARGET, RUBRIC, List.of(file("art-1", "drawing.svg", "image/svg+xml"),
                        file("art-2", "old.pdf", "application/pdf")),
                Map.of("art-1", "https://s3.example/svg"), List.of(), new FormGuard.Fields("n", "m"), Map.of(),
                List.of());

        assertThat(html).contains("<a href=\"https://s3.example/svg\" rel=\"noopener noreferrer\">Download drawing.svg",
                "old.pdf: no checked copy of this file can be shown.");
        assertThat(html).doesNotContain("<img src=\"https://s3.example/svg\"", "<object data=\"\"", "href=\"\"");
    }
}
