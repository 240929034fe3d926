package org.microcred.notification.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads RFC 2047 {@code =?UTF-8?B?...?=} words back, as a mail client would, to check what recipients see. */
public final class EncodedWords {
    private static final Pattern WORD = Pattern.compile("=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]*)\\?=");

    private EncodedWords() {
    }

    /** The encoded-words of a header value, in order. */
    public static List<String> words(String header) {
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(header);
        while (word.find()) {
            words.add(word.group());
        }
        return words;
    }

    /** The text of all encoded-words joined (the spaces between them are not part of the text). */
    public static String decode(String header) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Matcher word = WORD.matcher(header);
        while (word.find()) {
            bytes.writeBytes(Base64.getDecoder().decode(word.group(1)));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
