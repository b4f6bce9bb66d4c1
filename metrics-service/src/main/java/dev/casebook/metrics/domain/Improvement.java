package dev.casebook.metrics.domain;

import dev.casebook.metrics.contract.Direction;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How much a metric improved, in percent of its baseline: lower-is-better {@code (before - after) / before * 100},
 * higher-is-better {@code (after - before) / before * 100}. A regression is negative. Without a baseline
 * (before = 0) there is no percentage, only a note saying why.
 *
 * <p>Worked out with 34 significant digits (IEEE 754 decimal128, half-even), then kept as every computed number is:
 * {@link ComputedDecimal}.
 */
public record Improvement(BigDecimal percent, String note) {

    public static final String NO_BASELINE = "no baseline: before is 0";
    public static final String NO_DIRECTION = "no direction: set better to LOWER or HIGHER";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static Improvement of(BigDecimal before, BigDecimal after, Direction better) {
        if (better == null) {
            return new Improvement(null, NO_DIRECTION);
        }
        if (before.signum() == 0) {
            return new Improvement(null, NO_BASELINE);
        }
        BigDecimal gain = better == Direction.LOWER ? before.subtract(after) : after.subtract(before);
        // Multiplying first keeps exact results exact: 50 * 100 / 200 is 25.
        return new Improvement(ComputedDecimal.of(gain.multiply(HUNDRED).divide(before, MathContext.DECIMAL128)), null);
    }
}
