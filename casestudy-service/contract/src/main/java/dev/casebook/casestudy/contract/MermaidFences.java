package dev.casebook.casestudy.contract;

/**
 * The mermaid diagrams in a writer's Markdown: every {@code ```mermaid} or {@code ~~~mermaid} fence, also inside
 * quotes and list items, which a frontend draws like a diagram field. Found by hand, line by line, and on the side of
 * finding too many: each line that opens a mermaid fence is read as one, whatever comes before it, and the diagram
 * runs to the first line that could close it.
 */
final class MermaidFences {

    private MermaidFences() {
    }

    /** The first refusal in any of the Markdown's mermaid diagrams, its line counted in the whole text; or null. */
    static MermaidSource.Refusal refusal(String markdown) {
        if (markdown.indexOf('`') < 0 && markdown.indexOf('~') < 0) {
            return null;
        }
        MermaidSource.Lines lines = new MermaidSource.Lines(markdown);
        while (lines.next()) {
            String content = content(lines.current());
            if (!opensMermaid(content)) {
                continue;
            }
            int opening = lines.number();
            char fence = content.charAt(0);
            int length = run(content, 0, fence);
            StringBuilder diagram = new StringBuilder();
            while (lines.next() && !closes(content(lines.current()), fence, length)) {
                diagram.append(content(lines.current())).append('\n');
            }
            MermaidSource.Refusal refusal = MermaidSource.refusal(diagram.toString());
            if (refusal != null) {
                return new MermaidSource.Refusal(opening + refusal.line(), refusal.what(), refusal.why());
            }
        }
        return null;
    }

    // A line without what may stand before a fence: indentation, quote markers, list markers.
    private static String content(String line) {
        int i = 0;
        while (true) {
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t' || line.charAt(i) == '>')) {
                i++;
            }
            int marker = listMarker(line, i);
            if (marker == i) {
                return line.substring(i);
            }
            i = marker;
        }
    }

    // Where a list marker at i ends ("- ", "* ", "+ ", "12. ", "3) "), or i when there is none.
    private static int listMarker(String line, int i) {
        int end = i;
        if (end < line.length() && (line.charAt(end) == '-' || line.charAt(end) == '*' || line.charAt(end) == '+')) {
            end++;
        } else {
            while (end < line.length() && end - i < 9 && Character.isDigit(line.charAt(end))) {
                end++;
            }
            if (end == i || end >= line.length() || line.charAt(end) != '.' && line.charAt(end) != ')') {
                return i;
            }
            end++;
        }
        return end < line.length() && (line.charAt(end) == ' ' || line.charAt(end) == '\t') ? end : i;
    }

    private static boolean opensMermaid(String content) {
        if (content.isEmpty() || content.charAt(0) != '`' && content.charAt(0) != '~') {
            return false;
        }
        int length = run(content, 0, content.charAt(0));
        if (length < 3) {
            return false;
        }
        String info = content.substring(length).strip();
        int start = 0;
        while (start < info.length() && (info.charAt(start) == '{' || info.charAt(start) == '.')) {
            start++; // {mermaid} and {.mermaid}, as some renderers write it
        }
        return info.regionMatches(true, start, "mermaid", 0, 7);
    }

    private static boolean closes(String content, char fence, int length) {
        int run = run(content, 0, fence);
        return run >= length && content.substring(run).isBlank();
    }

    private static int run(String text, int from, char c) {
        int end = from;
        while (end < text.length() && text.charAt(end) == c) {
            end++;
        }
        return end - from;
    }
}
