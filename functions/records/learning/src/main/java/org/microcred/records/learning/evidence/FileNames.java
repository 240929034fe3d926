package org.microcred.records.learning.evidence;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The learner's file name is data, never a path: storage keys are built from ids alone, and the
 * name only comes back as the download name, in a Content-Disposition that no name can break.
 */
public final class FileNames {
    private static final int MAX_DOWNLOAD_NAME = 150;

    private FileNames() {
    }

    /**
     * {@code attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>} (RFC 6266):
     * path separators, control characters, quotes and anything non-ASCII are replaced in the
     * fallback; the full name, cut to a sane length, travels percent-encoded.
     */
    public static String contentDisposition(String originalName) {
        String name = downloadName(originalName);
        StringBuilder ascii = new StringBuilder();
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && "\"\\/;%".indexOf(c) < 0 ? (char) c : '_'));
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    /** The last path segment without control characters, at most 150 code points; "evidence" if nothing is left. */
    public static String downloadName(String originalName) {
        String name = originalName == null ? "" : originalName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        int length = name.codePointCount(0, name.length());
        if (length > MAX_DOWNLOAD_NAME) {
            // Keep the end: the extension tells the coach's computer what opens the file.
            name = name.substring(name.offsetByCodePoints(0, length - MAX_DOWNLOAD_NAME));
        }
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "evidence" : name;
    }
}
