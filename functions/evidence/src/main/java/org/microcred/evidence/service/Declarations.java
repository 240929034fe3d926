package org.microcred.evidence.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.microcred.evidence.model.ArtifactDeclaration;
import org.microcred.evidence.model.EvidenceRequirement;
import org.microcred.shared.domain.FieldError;
import org.microcred.shared.domain.Invalid;
import org.microcred.shared.domain.RuleBroken;
import org.microcred.records.learning.ArtifactKind;
import org.microcred.shared.web.EvidenceMediaTypes;

/**
 * Checks a declaration in two steps: its shape (400, every broken field at once), then its fit
 * to the evidence requirement (422: a kind, media type or size the requirement does not take, or
 * a type outside {@link EvidenceMediaTypes} whatever the requirement says).
 */
final class Declarations {
    static final int MAX_TEXT = 20_000;
    static final int MAX_URL = 2_000;
    static final int MAX_FILE_NAME = 1_000;
    static final long MAX_FILE = 5L * 1024 * 1024 * 1024;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*");

    private Declarations() {
    }

    static void checkShape(ArtifactDeclaration d) {
        List<FieldError> errors = new ArrayList<>();
        if (d.requirementId() == null || d.requirementId().isBlank()) {
            errors.add(new FieldError("requirementId", "is required"));
        }
        if (d.replaces() != null && !ArtifactIds.isArtifactId(d.replaces())) {
            errors.add(new FieldError("replaces", "must be the id of an artifact of this enrolment, e.g. art-..."));
        }
        if (d.kind() == null) {
            errors.add(new FieldError("kind", "is required: file, text or link"));
        } else {
            switch (d.kind()) {
                case FILE -> checkFile(d, errors);
                case TEXT -> checkText(d, errors);
                case LINK -> checkLink(d, errors);
            }
        }
        if (!errors.isEmpty()) {
            throw new Invalid("The artifact has " + errors.size() + " invalid field(s); see errors.", errors);
        }
    }

    private static void checkFile(ArtifactDeclaration d, List<FieldError> errors) {
        notFor("file", d.text(), "text", errors);
        notFor("file", d.url(), "url", errors);
        if (d.fileName() == null || d.fileName().isBlank()) {
            errors.add(new FieldError("fileName", "is required for a file"));
        } else if (d.fileName().length() > MAX_FILE_NAME) {
            errors.add(new FieldError("fileName", "must be at most " + MAX_FILE_NAME + " characters"));
        }
        if (d.mediaType() == null || !MEDIA_TYPE.matcher(d.mediaType().toLowerCase(Locale.ROOT)).matches()
                || d.mediaType().length() > 255) {
            errors.add(new FieldError("mediaType", "is required for a file, e.g. application/pdf"));
        }
        if (d.sizeBytes() == null || d.sizeBytes() < 1 || d.sizeBytes() > MAX_FILE) {
            errors.add(new FieldError("sizeBytes", "is required for a file: 1 to " + MAX_FILE + " bytes (5 GiB)"));
        }
        if (d.sha256() == null || !SHA256.matcher(d.sha256()).matches()) {
            errors.add(new FieldError("sha256", "is required for a file: the SHA-256 of its bytes as 64 hex digits"));
        }
    }

    private static void checkText(ArtifactDeclaration d, List<FieldError> errors) {
        fileFieldsAbsent("text", d, errors);
        notFor("text", d.url(), "url", errors);
        if (d.text() == null || d.text().isBlank()) {
            errors.add(new FieldError("text", "is required for a text"));
        } else if (d.text().length() > MAX_TEXT) {
            errors.add(new FieldError("text", "must be at most " + MAX_TEXT + " characters"));
        }
    }

    private static void checkLink(ArtifactDeclaration d, List<FieldError> errors) {
        fileFieldsAbsent("link", d, errors);
        notFor("link", d.text(), "text", errors);
        if (d.url() == null || d.url().length() > MAX_URL || !isHttpsUrl(d.url())) {
            errors.add(new FieldError("url", "is required for a link: an https:// address of at most " + MAX_URL
                    + " characters"));
        }
    }

    static boolean isHttpsUrl(String url) {
        try {
            URI uri = new URI(url);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank()
                    && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void fileFieldsAbsent(String kind, ArtifactDeclaration d, List<FieldError> errors) {
        notFor(kind, d.fileName(), "fileName", errors);
        notFor(kind, d.mediaType(), "mediaType", errors);
        notFor(kind, d.sizeBytes(), "sizeBytes", errors);
        notFor(kind, d.sha256(), "sha256", errors);
    }

    private static void notFor(String kind, Object value, String field, List<FieldError> errors) {
        if (value != null) {
            errors.add(new FieldError(field, "is not used for a " + kind));
        }
    }

    /** The requirement this declaration is for, once it is known to take the declared artifact. */
    static EvidenceRequirement checkFit(ArtifactDeclaration d, List<EvidenceRequirement> requirements) {
        EvidenceRequirement requirement = requirements.stream().filter(r -> r.id().equals(d.requirementId()))
                .findFirst().orElseThrow(() -> rejected("requirementId", "is not an evidence requirement of this "
                        + "micro-credential; expected one of " + requirements.stream().map(EvidenceRequirement::id).toList()));
        if (!requirement.accepts(d.kind())) {
            throw rejected("kind", "'" + requirement.title() + "' takes " + String.join(", ", requirement.kinds()));
        }
        if (d.kind() == ArtifactKind.FILE) {
            String mediaType = d.mediaType().toLowerCase(Locale.ROOT);
            // A version published before the list existed may still name a type a browser would run.
            List<String> accepted = requirement.mediaTypes().stream().filter(EvidenceMediaTypes::isAllowed).toList();
            if (!EvidenceMediaTypes.isAllowed(mediaType)) {
                throw rejected("mediaType", "'" + mediaType + "' is never accepted as evidence, because a browser "
                        + "could run scripts in it (HTML, SVG, XML); '" + requirement.title() + "' takes " + accepted);
            }
            if (!accepted.contains(mediaType)) {
                throw rejected("mediaType", "must be one of " + accepted);
            }
            if (requirement.maxSizeBytes() > 0 && d.sizeBytes() > requirement.maxSizeBytes()) {
                throw rejected("sizeBytes", "must be at most " + requirement.maxSizeBytes() + " bytes for '"
                        + requirement.title() + "'");
            }
        }
        return requirement;
    }

    private static RuleBroken rejected(String field, String message) {
        return new RuleBroken("artifact-rejected", "The artifact does not fit the requirement",
                "Field '" + field + "' " + message + ".", List.of(new FieldError(field, message)));
    }
}
