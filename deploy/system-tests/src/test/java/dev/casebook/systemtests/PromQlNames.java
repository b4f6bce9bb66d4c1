package dev.casebook.systemtests;

import java.util.Set;
import java.util.TreeSet;

/**
 * The metric names a PromQL expression reads, found by a hand-written scan (no regular expression): every identifier
 * that is not a function (followed by "("), a keyword or aggregation operator, a label matcher ({...}), a range
 * ([5m]), a string, or a grouping list (by (...), without (...), on (...), ignoring (...), group_left (...)).
 */
final class PromQlNames {

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan",
            // aggregation operators, which may take their grouping before the parenthesis: max by (route) (...)
            "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk",
            "quantile", "limitk", "limit_ratio");
    private static final Set<String> GROUPING = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");

    private PromQlNames() {
    }

    static Set<String> in(String expr) {
        Set<String> names = new TreeSet<>();
        int i = 0;
        while (i < expr.length()) {
            char c = expr.charAt(i);
            if (c == '{') {
                i = skipPast(expr, i, '}');
            } else if (c == '[') {
                i = skipPast(expr, i, ']');
            } else if (c == '"' || c == '\'') {
                i = skipString(expr, i);
            } else if (startsName(c)) {
                int end = i;
                while (end < expr.length() && continuesName(expr.charAt(end))) {
                    end++;
                }
                String word = expr.substring(i, end);
                int next = end;
                while (next < expr.length() && expr.charAt(next) == ' ') {
                    next++;
                }
                boolean call = next < expr.length() && expr.charAt(next) == '(';
                if (GROUPING.contains(word) && call) {
                    i = skipPast(expr, next, ')');
                    continue;
                }
                if (!call && !KEYWORDS.contains(word)) {
                    names.add(word);
                }
                i = end;
            } else if (Character.isDigit(c)) {
                // a number (0.99, 1e3, 5m in offset): skip letters and digits that belong to it
                while (i < expr.length() && (continuesName(expr.charAt(i)) || expr.charAt(i) == '.')) {
                    i++;
                }
            } else {
                i++;
            }
        }
        return names;
    }

    private static int skipPast(String expr, int from, char close) {
        int i = from + 1;
        while (i < expr.length() && expr.charAt(i) != close) {
            i = expr.charAt(i) == '"' || expr.charAt(i) == '\'' ? skipString(expr, i) : i + 1;
        }
        return i + 1;
    }

    private static int skipString(String expr, int from) {
        char quote = expr.charAt(from);
        int i = from + 1;
        while (i < expr.length() && expr.charAt(i) != quote) {
            i += expr.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    private static boolean startsName(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
    }

    private static boolean continuesName(char c) {
        return startsName(c) || (c >= '0' && c <= '9');
    }
}
