package dev.casebook.metrics.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The one precision of every number Casebook works out (improvements, analytics, sample statistics, metrics derived
 * from samples): 15 significant digits, half-even, in plain notation without trailing zeros. Fifteen digits are what
 * an IEEE double, a JavaScript {@code number}, holds exactly, so every client parses the same value the database
 * keeps and every answer and event says the same: 85.8823529411765 in the table, its event and the analytics alike.
 * Numbers an author sends are not computed and come back as sent.
 */
public final class ComputedDecimal {

    public static final int SIGNIFICANT_DIGITS = 15;
    private static final MathContext PRECISION = new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN);

    private ComputedDecimal() {
    }

    public static BigDecimal of(BigDecimal exact) {
        if (exact == null) {
            return null;
        }
        BigDecimal rounded = exact.round(PRECISION).stripTrailingZeros();
        // 150, not 1.5E+2: stripping zeros must not leave a negative scale behind.
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }

    public static BigDecimal of(double value) {
        return of(BigDecimal.valueOf(value));
    }
}
