package dev.casebook.metrics.domain;

import dev.casebook.metrics.contract.Direction;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * One row of a metrics table, with its improvement worked out when the row was set. {@code better} is null only for
 * a row imported from Markdown that did not say which way is better: it has no improvement until its author says.
 */
@Embeddable
public record MetricRow(
        @Column(nullable = false) String name,
        @Column(name = "name_key", nullable = false) String nameKey,
        @Column(nullable = false) String unit,
        @Column(name = "before_value", nullable = false) BigDecimal before,
        @Column(name = "after_value", nullable = false) BigDecimal after,
        @Enumerated(EnumType.STRING) Direction better,
        @Column(name = "improvement_percent") BigDecimal improvementPercent) {

    public static MetricRow of(String name, String unit, BigDecimal before, BigDecimal after, Direction better) {
        return new MetricRow(name, keyOf(name), unit, before, after, better,
                Improvement.of(before, after, better).percent());
    }

    public MetricRow withValues(BigDecimal newBefore, BigDecimal newAfter) {
        return of(name, unit, newBefore, newAfter, better);
    }

    /** The note that goes with a missing improvement; null when there is an improvement. */
    public String improvementNote() {
        return Improvement.of(before, after, better).note();
    }

    /** Names are compared without regard to case or surrounding blanks: "response time" is "Response Time". */
    public static String keyOf(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
