package org.microcred.shared.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The file types a learner's evidence may have: documents, spreadsheets, slides, images, audio
 * and video that a browser shows passively or hands to another program. Nothing a browser would
 * run as a page (HTML, XHTML, SVG, XML, scripts) is on the list, because evidence is served from
 * the storage origin and a coach opens what a learner uploaded. The catalog refuses other types
 * in an evidence requirement, the evidence function refuses to take them, and a download of
 * anything not on the list (stored before the list existed) is sent as opaque bytes. Shared
 * because all three must agree; docs/catalog-format.md lists the same types.
 */
public final class EvidenceMediaTypes {
    /** What a download of a type not on the list is sent as: bytes a browser only saves. */
    public static final String OPAQUE = "application/octet-stream";

    private static final Set<String> ALLOWED = Set.of(
            "application/pdf",
            "text/plain",
            "text/csv",
            "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.spreadsheet",
            "application/vnd.oasis.opendocument.presentation",
            "image/png",
            "image/jpeg",
            "image/gif",
            "image/webp",
            "image/heic",
            "image/heif",
            "audio/mpeg",
            "audio/mp4",
            "audio/wav",
            "audio/webm",
            "audio/ogg",
            "video/mp4",
            "video/quicktime",
            "video/webm");

    /** Types a page may show in place (an img, video, audio or PDF object); the rest only download. */
    private static final Set<String> INLINE = Set.of("application/pdf", "image/png", "image/jpeg", "image/gif",
            "image/webp", "audio/mpeg", "audio/mp4", "audio/wav", "audio/webm", "audio/ogg", "video/mp4",
            "video/quicktime", "video/webm");

    private EvidenceMediaTypes() {
    }

    /** Every accepted type, sorted, for error messages and documentation. */
    public static List<String> allowed() {
        return ALLOWED.stream().sorted().toList();
    }

    public static boolean isAllowed(String mediaType) {
        return mediaType != null && ALLOWED.contains(mediaType.toLowerCase(Locale.ROOT));
    }

    /** The Content-Type a download is sent with: the stored type if it is on the list, else {@value #OPAQUE}. */
    public static String servedAs(String mediaType) {
        return isAllowed(mediaType) ? mediaType.toLowerCase(Locale.ROOT) : OPAQUE;
    }

    /** Whether a page may embed the file (served inline with its own passive type). */
    public static boolean showsInline(String mediaType) {
        return mediaType != null && INLINE.contains(mediaType.toLowerCase(Locale.ROOT));
    }
}
