package org.microcred.records.learning;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.Adler32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * An outbox email's two bodies as the one binary {@code body} attribute: zlib (RFC 1950) with
 * the preset dictionary {@link #DICTIONARY} of what the emails share (their HTML frame, styles and
 * phrases), over the HTML's UTF-8 length (4 bytes, big-endian), the HTML and then the text, both
 * UTF-8. One stream rather than two attributes because the text repeats the HTML's words, which
 * deflate then stores as references; the dictionary does the same for the frame every email
 * repeats. A 2-3 KB email becomes 400-550 bytes and the item fits one write unit
 * (docs/data-model.md, "Outbox contract").
 */
record OutboxBody(String html, String text) {
    /**
     * Never change these bytes: stored bodies name their dictionary by its Adler-32 (the zlib
     * header's DICTID) and need exactly it to be read. A better one gets a new constant, and the
     * reader keeps accepting this one.
     */
    private static final byte[] DICTIONARY = ("Reply to this email to reach  micro-credential evidence submission review "
            + "Your coach will review your evidence. Next step: This link is for you only and expires in 14 days."
            + "<!doctype html>\n<html><body style=\"font-family:Arial,Helvetica,sans-serif;font-size:15px;"
            + "line-height:1.5;color:#1f2933;max-width:600px\">\n<h1 style=\"font-size:20px\"></h1>\n"
            + "<h2 style=\"font-size:17px\"></h2>\n<p>Hello ,</p>\n<p><strong>Your coach:</strong> "
            + "&lt;<a href=\"mailto:@\">@</a>&gt;</p>\n<ul>\n  <li></li>\n</ul>\n"
            + "<p><a href=\"https://\" style=\"display:inline-block;padding:10px 18px;background:#1d4ed8;color:#ffffff;"
            + "text-decoration:none;border-radius:4px\">Open your enrolment</a></p>\n"
            + "<p style=\"color:#52606d\"> professional learning</p>\n</body></html>\n-- \n professional learning\n")
            .getBytes(StandardCharsets.UTF_8);
    private static final int DICTIONARY_ID = adler32(DICTIONARY);
    /** Far above any email we write: more means the bytes are not a body (or a decompression bomb). */
    private static final int MAX_PLAIN_BYTES = 16 * 1024 * 1024;

    OutboxBody {
        html = html == null ? "" : html;
        text = text == null ? "" : text;
    }

    byte[] compressed() {
        byte[] htmlBytes = html.getBytes(StandardCharsets.UTF_8);
        byte[] textBytes = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer plain = ByteBuffer.allocate(4 + htmlBytes.length + textBytes.length)
                .putInt(htmlBytes.length).put(htmlBytes).put(textBytes);
        // Best compression: a body is written once and then stored, and billed, for good.
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setDictionary(DICTIONARY);
            deflater.setInput(plain.array());
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(256 + plain.capacity() / 3);
            byte[] chunk = new byte[1024];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** The bodies in {@code compressed}, or empty if it is not what {@link #compressed()} writes. */
    static Optional<OutboxBody> of(byte[] compressed) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 4);
            byte[] chunk = new byte[1024];
            while (!inflater.finished()) {
                int length = inflater.inflate(chunk);
                if (length == 0 && inflater.needsDictionary()) {
                    if (inflater.getAdler() != DICTIONARY_ID) {
                        return Optional.empty();
                    }
                    inflater.setDictionary(DICTIONARY);
                } else if (length == 0 && inflater.needsInput()) {
                    return Optional.empty();
                } else if (out.size() + length > MAX_PLAIN_BYTES) {
                    return Optional.empty();
                }
                out.write(chunk, 0, length);
            }
            return split(ByteBuffer.wrap(out.toByteArray()));
        } catch (DataFormatException e) {
            return Optional.empty();
        } finally {
            inflater.end();
        }
    }

    private static Optional<OutboxBody> split(ByteBuffer plain) {
        if (plain.remaining() < 4) {
            return Optional.empty();
        }
        int htmlLength = plain.getInt();
        if (htmlLength < 0 || htmlLength > plain.remaining()) {
            return Optional.empty();
        }
        String html = new String(plain.array(), 4, htmlLength, StandardCharsets.UTF_8);
        String text = new String(plain.array(), 4 + htmlLength, plain.remaining() - htmlLength, StandardCharsets.UTF_8);
        return Optional.of(new OutboxBody(html, text));
    }

    private static int adler32(byte[] bytes) {
        Adler32 adler = new Adler32();
        adler.update(bytes);
        return (int) adler.getValue();
    }
}
