package org.microcred.catalog.service;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.microcred.shared.domain.FieldError;
import org.microcred.shared.domain.Invalid;
import org.microcred.records.catalog.Activity;
import org.microcred.records.catalog.EvidenceRequirement;
import org.microcred.records.catalog.MicroCredentialDocument;
import org.microcred.records.catalog.Resource;
import org.microcred.records.catalog.RubricCriterion;
import org.microcred.records.catalog.RubricLevel;
import org.microcred.shared.text.PlainText;
import org.microcred.shared.web.EvidenceMediaTypes;

/**
 * Shape rules every saved draft must meet (lengths, slugs, links, sizes), so nothing malformed is
 * ever stored. Completeness is a separate question, answered by {@link QualityCriteria} on publish.
 */
public final class DocumentRules {
    public static final long MAX_FILE_BYTES = 5L * 1024 * 1024 * 1024;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*");
    private static final int MAX_ITEMS = 50;

    private final List<FieldError> errors = new ArrayList<>();

    private DocumentRules() {
    }

    /** @throws Invalid listing every broken field */
    public static void check(MicroCredentialDocument document) {
        DocumentRules rules = new DocumentRules();
        rules.checkDocument(document);
        if (!rules.errors.isEmpty()) {
            throw new Invalid("The micro-credential has " + rules.errors.size()
                    + " invalid field(s); see errors.", rules.errors);
        }
    }

    private void checkDocument(MicroCredentialDocument d) {
        line("title", d.title(), 3, 120, true);
        line("summary", d.summary(), 0, 300, false);
        text("description", d.description(), 0, 10_000, false);
        text("keyMethod", d.keyMethod(), 0, 5_000, false);
        slugOrNull("collection", d.collection());
        count("competencies", d.competencies());
        for (int i = 0; i < d.competencies().size(); i++) {
            line("competencies[" + i + "]", d.competencies().get(i), 1, 1_000, true);
        }
        count("audiences", d.audiences());
        for (int i = 0; i < d.audiences().size(); i++) {
            slug("audiences[" + i + "]", d.audiences().get(i));
        }
        if (d.creditHours() != null && (d.creditHours() < 0 || d.creditHours() > 1000 || d.creditHours().isNaN())) {
            add("creditHours", "must be between 0 and 1000");
        }
        count("resources", d.resources());
        for (int i = 0; i < d.resources().size(); i++) {
            resource("resources[" + i + "]", d.resources().get(i));
        }
        count("activities", d.activities());
        for (int i = 0; i < d.activities().size(); i++) {
            Activity activity = d.activities().get(i);
            line("activities[" + i + "].title", activity.title(), 1, 200, true);
            text("activities[" + i + "].description", activity.description(), 0, 5_000, false);
        }
        count("evidenceRequirements", d.evidenceRequirements());
        for (int i = 0; i < d.evidenceRequirements().size(); i++) {
            evidence("evidenceRequirements[" + i + "]", d.evidenceRequirements().get(i));
        }
        count("rubric", d.rubric());
        for (int i = 0; i < d.rubric().size(); i++) {
            criterion("rubric[" + i + "]", d.rubric().get(i));
        }
    }

    private void resource(String path, Resource resource) {
        line(path + ".title", resource.title(), 1, 300, true);
        text(path + ".description", resource.description(), 0, 2_000, false);
        if (resource.url() != null) {
            line(path + ".url", resource.url(), 1, 2_000, true);
            if (!isWebLink(resource.url())) {
                add(path + ".url", "must be an absolute http(s) link");
            }
        }
    }

    static boolean isWebLink(String url) {
        try {
            URI uri = new URI(url);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    private void evidence(String path, EvidenceRequirement requirement) {
        slug(path + ".id", requirement.id());
        line(path + ".title", requirement.title(), 1, 200, true);
        text(path + ".prompt", requirement.prompt(), 0, 5_000, false);
        for (int i = 0; i < requirement.mediaTypes().size(); i++) {
            String mediaType = requirement.mediaTypes().get(i);
            if (!MEDIA_TYPE.matcher(mediaType).matches()) {
                add(path + ".mediaTypes[" + i + "]", "must be a media type such as application/pdf");
            } else if (!EvidenceMediaTypes.isAllowed(mediaType)) {
                add(path + ".mediaTypes[" + i + "]", "is not a file type evidence may have: types a browser could "
                        + "run (HTML, SVG, XML, scripts) are refused; allowed are " + EvidenceMediaTypes.allowed());
            }
        }
        Long max = requirement.maxSizeBytes();
        if (max != null && (max <= 0 || max > MAX_FILE_BYTES)) {
            add(path + ".maxSizeBytes", "must be between 1 and " + MAX_FILE_BYTES + " bytes (5 GiB)");
        }
    }

    private void criterion(String path, RubricCriterion criterion) {
        slug(path + ".id", criterion.id());
        line(path + ".criterion", criterion.criterion(), 1, 300, true);
        text(path + ".description", criterion.description(), 0, 5_000, false);
        for (int i = 0; i < criterion.evidenceRequirementIds().size(); i++) {
            slug(path + ".evidenceRequirementIds[" + i + "]", criterion.evidenceRequirementIds().get(i));
        }
        count(path + ".levels", criterion.levels());
        for (int i = 0; i < criterion.levels().size(); i++) {
            RubricLevel level = criterion.levels().get(i);
            slug(path + ".levels[" + i + "].id", level.id());
            line(path + ".levels[" + i + "].name", level.name(), 1, 120, true);
            text(path + ".levels[" + i + "].description", level.description(), 0, 2_000, false);
        }
    }

    /** A one-line field: titles and names end up in email subjects, where a line break would start a header. */
    private void line(String field, String value, int min, int max, boolean required) {
        if (!PlainText.isOneLine(value)) {
            add(field, PlainText.NOT_ONE_LINE);
        } else {
            text(field, value, min, max, required);
        }
    }

    private void text(String field, String value, int min, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                add(field, "is required");
            }
            return;
        }
        if (!PlainText.isMultiLine(value)) {
            add(field, PlainText.NOT_PLAIN);
        } else if (value.strip().length() < min) {
            add(field, "must be at least " + min + " characters");
        } else if (value.length() > max) {
            add(field, "must be at most " + max + " characters (is " + value.length() + ")");
        }
    }

    private void slug(String field, String value) {
        if (value == null) {
            add(field, "is required");
        } else if (!SLUG.matcher(value).matches()) {
            add(field, "must be 2-64 lower-case letters, digits or hyphens (got \"" + abbreviate(value) + "\")");
        }
    }

    private void slugOrNull(String field, String value) {
        if (value != null) {
            slug(field, value);
        }
    }

    private void count(String field, List<?> values) {
        if (values.size() > MAX_ITEMS) {
            add(field, "may have at most " + MAX_ITEMS + " entries");
        }
    }

    private void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
