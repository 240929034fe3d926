package org.microcred.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.microcred.enrollment.model.Enrollment;
import org.microcred.enrollment.model.EnrollmentStatus;
import org.microcred.enrollment.model.Person;
import org.microcred.evidence.model.Artifact;
import org.microcred.evidence.model.ArtifactKind;
import org.microcred.evidence.model.Submission;
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
        return new Artifact(id, "enr-aaaaaaaaaaaaaaaaaaaa", 1, "lesson-plan", ArtifactKind.FILE, "confirmed", name, type,
                10L, null, true, null, null, "2026-01-01T00:00:00.000Z", null, "evidence/k/" + id, null,
                "sealed/k/" + id, null);
    }

    @Test
    void form_headsEachArtifactWithItsRequirementTitleEscaped_orTheIdWhenTheDocumentHasNoTitle() {
        Rubric rubric = new Rubric(RUBRIC.title(), RUBRIC.competency(), RUBRIC.criteria(),
                Map.of("lesson-plan", "Lesson <script>alert(1)</script> plan", "materials", " "));
        Artifact text = new Artifact("art-5", "enr-aaaaaaaaaaaaaaaaaaaa", 1, "reflection", ArtifactKind.TEXT,
                "confirmed", null, null, null, null, null, "We regrouped.", null, "2026-01-01T00:00:00.000Z", null, null,
                null, null, null);
        Artifact link = new Artifact("art-4", "enr-aaaaaaaaaaaaaaaaaaaa", 1, "materials", ArtifactKind.LINK, "confirmed",
                null, null, null, null, null, null, "https://example.org/t", "2026-01-01T00:00:00.000Z", null, null, null,
                null, null);

        String html = PageHtml.form(TARGET, rubric, List.of(file("art-1", "plan.png", "image/png"), text, link),
                Map.of("art-1", "https://s3.example/img"), List.of(), new FormGuard.Fields("n", "m"), Map.of(),
                List.of());

        assertThat(html).contains("<h3>Lesson &lt;script&gt;alert(1)&lt;/script&gt; plan</h3>",
                "<h3>reflection</h3>", "<h3>materials</h3>");
        assertThat(html).doesNotContain("<script", "<h3>lesson-plan</h3>");
    }

    @Test
    void form_showsImagesVideosAndPdfsThroughTheirShortLivedLinksWithEscapedNames() {
        Artifact link = new Artifact("art-4", "enr-aaaaaaaaaaaaaaaaaaaa", 1, "materials", ArtifactKind.LINK, "confirmed",
                null, null, null, null, null, null, "javascript:alert(1)", "2026-01-01T00:00:00.000Z", null, null, null,
                null, null);
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
