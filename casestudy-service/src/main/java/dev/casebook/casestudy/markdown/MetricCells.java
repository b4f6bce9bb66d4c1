package dev.casebook.casestudy.markdown;

import dev.casebook.casestudy.contract.ImportedMetric;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The cells of the template's metrics table: {@code | Response Time | 120 ms | 45 ms | 62.5% |}. A value is a number
 * with a unit after it ({@code 120 ms}, {@code 61%}) or a currency before it ({@code $42,000}, {@code €1.2/user}).
 * Improvements show one decimal, rounded half up; JSON keeps full precision. Cells are read by hand in one pass:
 * no regular expression runs on what a writer sent.
 */
final class MetricCells {

    static final String NO_IMPROVEMENT = "n/a";
    /** What metrics-service accepts in a row (its {@code ReportedMetric}); a row beyond these stays prose. */
    static final int MAX_NAME = 100;
    static final int MAX_UNIT = 20;
    static final BigDecimal MAX_VALUE = new BigDecimal("1000000000000000");
    static final int MAX_DECIMALS = 20;
    private static final int MAX_PREFIX = 3;

    private MetricCells() {
    }

    /** A number read from a cell, and its unit as the writer put it around the number ("" when none). */
    record Value(BigDecimal number, String unit) {
    }

    /** A row read back, with the improvement the writer wrote when it was a percentage. */
    record Row(ImportedMetric metric, BigDecimal writtenImprovement) {
    }

    static String name(String name) {
        return name.replace("|", "\\|");
    }

    static String value(BigDecimal value, String unit) {
        String number = value == null ? "?" : value.stripTrailingZeros().toPlainString();
        if (unit == null || unit.isBlank()) {
            return number;
        }
        int prefix = prefixLength(unit);
        if (prefix > 0) {
            return unit.substring(0, prefix) + number + unit.substring(prefix);
        }
        return unit.equals("%") ? number + "%" : number + " " + unit;
    }

    static String improvement(BigDecimal percent) {
        return percent == null ? NO_IMPROVEMENT : percent.setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /**
     * Reads a row; null with {@code why} filled when it is not one metrics-service can hold, so that the row is
     * kept as prose instead. {@code better} follows from whether the change was called an improvement.
     */
    static Row read(String name, String before, String after, String improvement, StringBuilder why) {
        String metric = name.replace("\\|", "|").strip();
        Value from = parse(before);
        Value to = parse(after);
        if (metric.isEmpty() || metric.length() > MAX_NAME || metric.indexOf('|') >= 0) {
            why.append("its name must be one to ").append(MAX_NAME).append(" characters without '|'");
            return null;
        }
        if (from == null || to == null) {
            why.append("Before and After are not numbers with a unit, such as 120 ms or $42,000");
            return null;
        }
        if (!from.unit().isEmpty() && !to.unit().isEmpty() && !from.unit().equals(to.unit())) {
            why.append("Before is in '").append(from.unit()).append("' and After in '").append(to.unit()).append("'");
            return null;
        }
        String unit = !from.unit().isEmpty() ? from.unit() : to.unit();
        if (unit.length() > MAX_UNIT || unit.indexOf('|') >= 0 || !fits(from.number()) || !fits(to.number())) {
            why.append("values are between 0 and ").append(MAX_VALUE.toPlainString()).append(" with at most ")
                    .append(MAX_DECIMALS).append(" decimals, units at most ").append(MAX_UNIT).append(" characters without '|'");
            return null;
        }
        Value change = parse(improvement);
        ImportedMetric row = new ImportedMetric(metric, unit.isEmpty() ? null : unit, from.number(), to.number(),
                better(from.number(), to.number(), change));
        return new Row(row, change != null && change.unit().equals("%") ? change.number() : null);
    }

    /** A number with a unit around it, or null when the cell holds none. */
    static Value parse(String cell) {
        String text = cell.strip();
        int i = 0;
        while (i < text.length() && i < MAX_PREFIX && !startsNumber(text, i) && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        String prefix = text.substring(0, i);
        if (!prefix.isEmpty() && prefixLength(prefix) != prefix.length()) {
            return null; // only a currency stands before a number
        }
        int start = i;
        if (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            i++;
        }
        int digits = 0;
        StringBuilder number = new StringBuilder(text.length()).append(text, start, i);
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                number.append(c);
                digits++;
                i++;
            } else if (c == ',' && digits > 0 && thousands(text, i + 1)) {
                i++; // 42,000
            } else {
                break;
            }
        }
        if (i < text.length() && text.charAt(i) == '.' && i + 1 < text.length() && isDigit(text.charAt(i + 1))) {
            number.append('.');
            i++;
            while (i < text.length() && isDigit(text.charAt(i))) {
                number.append(text.charAt(i++));
                digits++;
            }
        }
        if (digits == 0) {
            return null;
        }
        String suffix = text.substring(i);
        if (suffix.length() > 1 && (suffix.charAt(0) == ',' || suffix.charAt(0) == '.') && isDigit(suffix.charAt(1))) {
            return null; // 1,5 s is not 1 with a unit ",5 s"
        }
        String unit = prefix.isEmpty() ? suffix.strip() : prefix + suffix.stripTrailing();
        return new Value(new BigDecimal(number.toString()), unit);
    }

    /** How many leading characters of a unit stand before the number: a currency sign, perhaps after letters (US$). */
    static int prefixLength(String unit) {
        for (int i = 0; i < unit.length() && i < MAX_PREFIX; i++) {
            char c = unit.charAt(i);
            if (Character.getType(c) == Character.CURRENCY_SYMBOL) {
                return i + 1;
            }
            if (!Character.isLetter(c)) {
                return 0;
            }
        }
        return 0;
    }

    private static boolean fits(BigDecimal value) {
        return value.signum() >= 0 && value.compareTo(MAX_VALUE) <= 0 && value.stripTrailingZeros().scale() <= MAX_DECIMALS;
    }

    private static boolean startsNumber(String text, int i) {
        char c = text.charAt(i);
        return isDigit(c) || ((c == '-' || c == '+') && i + 1 < text.length() && isDigit(text.charAt(i + 1)));
    }

    private static boolean thousands(String text, int from) {
        if (from + 3 > text.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return from + 3 == text.length() || !isDigit(text.charAt(from + 3));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String better(BigDecimal before, BigDecimal after, Value improvement) {
        int change = after.compareTo(before);
        if (change == 0 || improvement == null || improvement.number().signum() == 0) {
            return null;
        }
        boolean rose = change > 0;
        return rose == (improvement.number().signum() > 0) ? "HIGHER" : "LOWER";
    }
}
