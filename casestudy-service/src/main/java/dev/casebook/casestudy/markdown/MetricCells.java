package dev.casebook.casestudy.markdown;

import dev.casebook.casestudy.domain.ImportedMetric;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cells of the template's metrics table: {@code | Response Time | 120 ms | 45 ms | 62.5% |}.
 * Improvements show one decimal, rounded half up; JSON keeps full precision.
 */
final class MetricCells {

    static final String NO_IMPROVEMENT = "n/a";
    private static final Pattern VALUE = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\s*(.*)");

    private MetricCells() {
    }

    static String name(String name) {
        return name.replace("|", "\\|");
    }

    static String value(BigDecimal value, String unit) {
        String number = value == null ? "?" : value.stripTrailingZeros().toPlainString();
        if (unit == null || unit.isBlank()) {
            return number;
        }
        return unit.equals("%") ? number + "%" : number + " " + unit;
    }

    static String improvement(BigDecimal percent) {
        return percent == null ? NO_IMPROVEMENT : percent.setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** Reads a row back; {@code better} follows from whether the change was called an improvement. */
    static ImportedMetric read(String name, String before, String after, String improvement) {
        Matcher from = VALUE.matcher(before.strip());
        Matcher to = VALUE.matcher(after.strip());
        if (!from.matches() || !to.matches()) {
            throw CaseStudyMarkdownImport.problem(Labels.PERFORMANCE_METRICS,
                    "Metric '" + name + "': Before and After must be numbers with a unit, such as 120 ms");
        }
        BigDecimal beforeValue = new BigDecimal(from.group(1));
        BigDecimal afterValue = new BigDecimal(to.group(1));
        String unit = !from.group(2).isBlank() ? from.group(2).strip() : to.group(2).strip();
        return new ImportedMetric(name.replace("\\|", "|").strip(), unit.isEmpty() ? null : unit, beforeValue, afterValue,
                better(beforeValue, afterValue, improvement.strip()));
    }

    private static String better(BigDecimal before, BigDecimal after, String improvement) {
        Matcher percent = VALUE.matcher(improvement);
        int change = after.compareTo(before);
        if (change == 0 || !percent.matches()) {
            return null;
        }
        int sign = new BigDecimal(percent.group(1)).signum();
        if (sign == 0) {
            return null;
        }
        boolean rose = change > 0;
        return rose == (sign > 0) ? "HIGHER" : "LOWER";
    }
}
