package org.microcred.notification.mail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Builds the From header value {@code "Organisation name" <no-reply@...>}: emails go out from
 * the one verified SES identity, but learners and coaches should see which organisation wrote
 * to them. The name comes from an organisation admin, so it is made safe here: control
 * characters (a header injection) become spaces, quotes and backslashes are escaped (RFC 5322
 * quoted-string), and a name with non-ASCII characters is sent as RFC 2047 encoded-words,
 * which is what SES requires for such display names.
 */
public final class SenderAddress {
    /** An encoded-word may be at most 75 characters; {@code =?UTF-8?B?} and {@code ?=} take 12. */
    private static final int MAX_BYTES_PER_WORD = 45;

    private SenderAddress() {
    }

    /**
     * The From value for {@code address} shown as {@code displayName}; just the address when the
     * name is blank, so a missing name still sends rather than failing the email.
     */
    public static String format(String displayName, String address) {
        String name = displayName == null ? "" : displayName.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
        if (name.isEmpty()) {
            return address;
        }
        boolean ascii = name.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        return (ascii ? quoted(name) : encodedWords(name)) + " <" + address + ">";
    }

    private static String quoted(String name) {
        return '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /**
     * Base64 encoded-words separated by spaces (which decoders drop between encoded-words). Words
     * are cut between code points, never inside a UTF-8 sequence or a surrogate pair, because each
     * word must decode on its own.
     */
    private static String encodedWords(String name) {
        List<String> words = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        int chunkBytes = 0;
        for (int i = 0; i < name.length(); ) {
            int codePoint = name.codePointAt(i);
            String character = new String(Character.toChars(codePoint));
            int bytes = character.getBytes(StandardCharsets.UTF_8).length;
            if (chunkBytes + bytes > MAX_BYTES_PER_WORD) {
                words.add(encodedWord(chunk.toString()));
                chunk.setLength(0);
                chunkBytes = 0;
            }
            chunk.append(character);
            chunkBytes += bytes;
            i += Character.charCount(codePoint);
        }
        words.add(encodedWord(chunk.toString()));
        return String.join(" ", words);
    }

    private static String encodedWord(String text) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }
}
