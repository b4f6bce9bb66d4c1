package dev.casebook.casestudy.markdown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The YAML front matter of a case study's Markdown: {@code key: value} lines and {@code - item} lists, as
 * static-site generators read them. Values are written double-quoted, with YAML's escapes for every character that
 * could end the value, the line or the block (quotes, backslashes, line breaks of any kind, control characters), so
 * that no value — a newline, a quote, {@code ---}, a colon — changes the YAML; {@code <} and {@code [} are escaped too,
 * so that a renderer that shows the front matter as Markdown finds no HTML and no link in it. The import reads the
 * same escapes back, by hand: no regular expression runs on the writer's text.
 */
final class FrontMatter {

    private FrontMatter() {
    }

    /** {@code value} as a YAML double-quoted scalar that reads back as exactly {@code value}. */
    static String quoted(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                case '\u2028' -> quoted.append("\\L");
                case '\u2029' -> quoted.append("\\P");
                case '<', '[', '\uFEFF', '\uFFFE', '\uFFFF' -> quoted.append(String.format("\\u%04X", (int) c));
                default -> {
                    if (c < 0x20 || c >= 0x7F && c <= 0x9F) {
                        quoted.append(String.format("\\x%02X", (int) c)); // YAML allows no control character as it is
                    } else if (Character.isSurrogate(c) && !isPaired(value, i)) {
                        quoted.append("\\uFFFD"); // half a character cannot be written in UTF-8
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    /**
     * The keys and values of the front matter that starts {@code markdown} (its first line is {@code ---}), up to the
     * line {@code ---} or {@code ...} that ends it: a value after {@code key:}, the {@code - items} below it, or the
     * lines below {@code key: |}, joined.
     */
    static Map<String, List<String>> read(String markdown) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<String> current = null;
        boolean literal = false;
        int start = markdown.indexOf('\n') + 1;
        while (start > 0 && start < markdown.length()) {
            int end = markdown.indexOf('\n', start);
            String line = markdown.substring(start, end < 0 ? markdown.length() : end);
            start = end + 1;
            if (isEnd(line)) {
                break;
            }
            int colon = keyEnd(line);
            if (colon > 0) {
                current = new ArrayList<>();
                values.put(line.substring(leadingSpaces(line), colon), current);
                String value = line.substring(colon + 1).strip();
                literal = value.equals("|");
                if (!value.isEmpty() && !literal) {
                    current.add(scalar(value));
                }
            } else if (current != null && literal) {
                current.add(current.isEmpty() ? line.strip() : current.remove(0) + "\n" + line.strip());
            } else if (current != null && isItem(line)) {
                current.add(scalar(line.substring(line.indexOf('-') + 1).strip()));
            }
        }
        return values;
    }

    private static boolean isEnd(String line) {
        boolean marker = line.startsWith("---") || line.startsWith("...");
        return marker && (line.length() == 3 || Character.isWhitespace(line.charAt(3)));
    }

    // "key:" after up to three spaces, the key of letters, digits, '.', '_' or '-'; the colon's index, or -1.
    private static int keyEnd(String line) {
        int i = leadingSpaces(line);
        if (i > 3) {
            return -1;
        }
        int keyStart = i;
        while (i < line.length() && isKeyCharacter(line.charAt(i))) {
            i++;
        }
        return i > keyStart && i < line.length() && line.charAt(i) == ':' ? i : -1;
    }

    private static boolean isKeyCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-';
    }

    private static boolean isItem(String line) {
        int i = leadingSpaces(line);
        return i > 0 && i < line.length() && line.charAt(i) == '-';
    }

    private static int leadingSpaces(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    // A double-quoted value with YAML's escapes, a single-quoted one with '' for a quote, or the text as written.
    private static String scalar(String value) {
        if (value.length() >= 2 && value.charAt(0) == '"') {
            String read = doubleQuoted(value);
            return read == null ? value : read;
        }
        if (value.length() >= 2 && value.charAt(0) == '\'' && value.endsWith("'")) {
            return value.substring(1, value.length() - 1).replace("''", "'");
        }
        return value;
    }

    /** The text of a double-quoted scalar, or null when its closing quote is missing. */
    private static String doubleQuoted(String value) {
        StringBuilder text = new StringBuilder(value.length());
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                return text.toString();
            }
            if (c != '\\' || i + 1 >= value.length()) {
                text.append(c);
                continue;
            }
            char escape = value.charAt(++i);
            int digits = escape == 'x' ? 2 : escape == 'u' ? 4 : escape == 'U' ? 8 : 0;
            if (digits > 0) {
                int code = hex(value, i + 1, digits);
                if (code < 0 || !Character.isValidCodePoint(code)) {
                    text.append('\\').append(escape);
                } else {
                    text.appendCodePoint(code == 0 ? '\uFFFD' : code); // NUL becomes U+FFFD, as everywhere in the import
                    i += digits;
                }
                continue;
            }
            text.append(switch (escape) {
                case '0' -> "\uFFFD";
                case 'a' -> "\u0007";
                case 'b' -> "\b";
                case 't', '\t' -> "\t";
                case 'n' -> "\n";
                case 'v' -> "\u000B";
                case 'f' -> "\f";
                case 'r' -> "\r";
                case 'e' -> "\u001B";
                case 'N' -> "\u0085";
                case '_' -> "\u00A0";
                case 'L' -> "\u2028";
                case 'P' -> "\u2029";
                case ' ', '"', '/', '\\' -> String.valueOf(escape);
                default -> "\\" + escape;
            });
        }
        return null;
    }

    private static int hex(String text, int from, int digits) {
        if (from + digits > text.length()) {
            return -1;
        }
        int code = 0;
        for (int i = from; i < from + digits; i++) {
            char c = text.charAt(i);
            int digit = c < 0x80 ? Character.digit(c, 16) : -1;
            if (digit < 0) {
                return -1;
            }
            code = code * 16 + digit;
        }
        return code;
    }

    private static boolean isPaired(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
