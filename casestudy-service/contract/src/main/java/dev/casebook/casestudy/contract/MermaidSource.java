package dev.casebook.casestudy.contract;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What Casebook reads in mermaid source: the diagram's kind, and the two things a case study's diagram may not hold,
 * because a frontend that draws it would hand them to mermaid:
 * <ul>
 *   <li>directives, {@code %%{init: …}%%} and every other {@code %%{…}%%}: they change mermaid's settings, its
 *       security level among them;</li>
 *   <li>interaction, {@code click} in every kind of diagram (and class diagrams' {@code link} and {@code callback},
 *       sequence diagrams' {@code link} and {@code links}): it binds scripts and links to the diagram's nodes.</li>
 * </ul>
 * Read by hand, one pass over each line: no regular expression runs on a writer's text.
 */
public final class MermaidSource {

    private static final String DIRECTIVE = "%%{";
    private static final Set<String> CLICK = Set.of("click");
    private static final Map<String, Set<String>> INTERACTION = Map.of(
            "classDiagram", Set.of("click", "link", "callback"),
            "sequenceDiagram", Set.of("click", "link", "links"));

    private MermaidSource() {
    }

    /** Why a diagram is refused: what it holds, on which of its lines (counted from 1), and why that is refused. */
    public record Refusal(int line, String what, String why) {
    }

    /** The first word of the first line that is not blank or a {@code %%} comment, or null when there is none. */
    public static String kind(String source) {
        for (Lines lines = new Lines(source); lines.next(); ) {
            String line = lines.current().strip();
            if (!line.isEmpty() && !line.startsWith("%%")) {
                int end = 0;
                while (end < line.length() && !Character.isWhitespace(line.charAt(end)) && line.charAt(end) != ';') {
                    end++;
                }
                return line.substring(0, end);
            }
        }
        return null;
    }

    /** The first directive or interaction statement in {@code source}, or null when it holds neither. */
    public static Refusal refusal(String source) {
        String kind = kind(source);
        Set<String> interaction = kind == null ? CLICK : INTERACTION.getOrDefault(kind, CLICK);
        for (Lines lines = new Lines(source); lines.next(); ) {
            String line = lines.current();
            if (line.contains(DIRECTIVE)) {
                return new Refusal(lines.number(), "a mermaid directive (%%{…}%%)",
                        "directives change mermaid's settings, its security level among them");
            }
            String statement = interactionIn(line, interaction);
            if (statement != null) {
                return new Refusal(lines.number(), "a '" + statement + "' statement",
                        "it binds scripts and links to the diagram's nodes");
            }
        }
        return null;
    }

    // Statements start a line or follow a ';' outside a quoted label.
    private static String interactionIn(String line, Set<String> interaction) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            if (i == 0 || !quoted && line.charAt(i - 1) == ';') {
                String word = firstWord(line, i);
                if (word != null && interaction.contains(word)) {
                    return word;
                }
            }
            if (line.charAt(i) == '"') {
                quoted = !quoted;
            }
        }
        return null;
    }

    // The word a statement starts with, in lower case, when a blank or the end of the line follows it.
    private static String firstWord(String line, int from) {
        int start = from;
        while (start < line.length() && Character.isWhitespace(line.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < line.length() && end - start <= 8 && isAsciiLetter(line.charAt(end))) {
            end++;
        }
        if (end == start || end < line.length() && !Character.isWhitespace(line.charAt(end))) {
            return null;
        }
        return line.substring(start, end).toLowerCase(Locale.ROOT);
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** The lines of a text, whichever of LF, CRLF or CR ends them, as CommonMark and mermaid count them. */
    static final class Lines {

        private final String text;
        private int start;
        private int end = -1;
        private int number;

        Lines(String text) {
            this.text = text;
        }

        boolean next() {
            if (end >= text.length()) {
                return false;
            }
            start = end < 0 ? 0 : end + (text.startsWith("\r\n", end) ? 2 : 1);
            if (start > text.length() || start == text.length() && number > 0) {
                end = text.length();
                return false;
            }
            end = start;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            number++;
            return true;
        }

        String current() {
            return text.substring(start, end);
        }

        int number() {
            return number;
        }
    }
}
