package org.microcred.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads main Java sources as text, for what bytecode cannot show: the string literals a class spells
 * (a constant like "application/problem+json" is inlined where it is used).
 */
final class SourceScan {

    private SourceScan() {
    }

    /** functions/&lt;module&gt;/src/main/java and functions/records/&lt;table&gt;/src/main/java. */
    static List<Path> mainSourceRoots(Path functionsDir) {
        List<Path> roots = new ArrayList<>();
        for (Path parent : List.of(functionsDir, functionsDir.resolve("records"))) {
            try (Stream<Path> modules = Files.list(parent)) {
                modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory).sorted().forEach(roots::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return roots;
    }

    /**
     * Java files under functionsDir's main source roots, outside {@code allowedDir}, whose string
     * literals contain {@code text}, as "path:line" relative to functionsDir. Comments do not count.
     */
    static List<String> stringLiteralsContaining(Path functionsDir, String text, Path allowedDir) {
        List<String> found = new ArrayList<>();
        Path allowed = functionsDir.resolve(allowedDir).normalize();
        for (Path root : mainSourceRoots(functionsDir)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    if (file.normalize().startsWith(allowed)) {
                        continue;
                    }
                    for (int line : linesOfLiteralsContaining(Files.readString(file), text)) {
                        found.add(functionsDir.relativize(file) + ":" + line);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    /** The line numbers of string literals (and text blocks) in Java source that contain text. */
    static List<Integer> linesOfLiteralsContaining(String source, String text) {
        List<Integer> lines = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = source.indexOf('\n', i);
                if (i < 0) {
                    break;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                line += count(source, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                String quote = source.startsWith("\"\"\"", i) ? "\"\"\"" : String.valueOf(c);
                int end = closing(source, i + quote.length(), quote);
                if (c == '"' && source.substring(i, end).contains(text)) {
                    lines.add(line);
                }
                line += count(source, i, end);
                i = end;
            } else {
                if (c == '\n') {
                    line++;
                }
                i++;
            }
        }
        return lines;
    }

    private static int closing(String source, int from, String quote) {
        int i = from;
        while (i < source.length()) {
            if (source.charAt(i) == '\\') {
                i += 2;
            } else if (source.startsWith(quote, i)) {
                return i + quote.length();
            } else if (quote.length() == 1 && source.charAt(i) == '\n') {
                return i; // unterminated: let the compiler complain, not us
            } else {
                i++;
            }
        }
        return source.length();
    }

    private static int count(String source, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (source.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
