package dev.casebook.casestudy.markdown;

/**
 * Bounds the work commonmark's block parser does for nested lists and quotes before it starts. Its cost grows with
 * the containers open on each line: a megabyte of {@code - - - - x} lines, or of a list nested hundreds deep, takes
 * it twenty times as long as a megabyte of prose. Outside fenced code, every line's run of indentation and list or
 * quote markers is counted; a document whose runs add up to more than any case study within the template's limits
 * could hold is refused before parsing, with the line where the budget ran out. One pass, no regular expression.
 */
final class NestingBudget {

    /** Columns of indentation and markers in all lines together; the corpus's longest document uses under 2,000. */
    static final int MAX_COLUMNS = 50_000;
    /** Columns on one line: lists nested some 30 deep. */
    static final int MAX_LINE_COLUMNS = 64;

    private NestingBudget() {
    }

    /** The line (from 1) where {@code text} goes over the budget, or 0 when it stays within it. */
    static int overAt(String text) {
        long total = 0;
        int line = 1;
        boolean inFence = false;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            int first = firstNonBlank(text, start, end);
            if (first < end && startsFence(text, first, end)) {
                inFence = !inFence;
            } else if (!inFence) {
                int columns = containerColumns(text, start, end);
                if (columns > MAX_LINE_COLUMNS || (total += columns) > MAX_COLUMNS) {
                    return line;
                }
            }
            start = end + 1;
            line++;
        }
        return 0;
    }

    // Indentation, '>' and list markers ("- ", "* ", "+ ", "12. ", "3) ") before a line's content; none for a line
    // that is nothing but such characters (a thematic break such as "- - -").
    private static int containerColumns(String text, int start, int end) {
        int i = start;
        int columns = 0;
        while (i < end) {
            char c = text.charAt(i);
            if (c == ' ') {
                columns++;
                i++;
            } else if (c == '\t') {
                columns += 4;
                i++;
            } else if (c == '>') {
                columns++;
                i++;
            } else if ((c == '-' || c == '*' || c == '+') && i + 1 < end && (text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\t')) {
                columns += 2;
                i += 2;
            } else if (c >= '0' && c <= '9') {
                int j = i;
                while (j < end && j - i < 9 && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
                    j++;
                }
                if (j < end && (text.charAt(j) == '.' || text.charAt(j) == ')') && (j + 1 == end || text.charAt(j + 1) == ' ')) {
                    columns += j + 1 - i;
                    i = j + 1;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        return i < end ? columns : 0;
    }

    private static boolean startsFence(String text, int first, int end) {
        return end - first >= 3 && (text.startsWith("```", first) || text.startsWith("~~~", first));
    }

    private static int firstNonBlank(String text, int start, int end) {
        int i = start;
        while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
