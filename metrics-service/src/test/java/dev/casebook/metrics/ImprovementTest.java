package dev.casebook.metrics;

import dev.casebook.metrics.contract.Direction;
import dev.casebook.metrics.domain.Improvement;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The improvement rule on its own: percent of the baseline, in the metric's better direction. */
class ImprovementTest {

    private static Improvement of(String before, String after, Direction better) {
        return Improvement.of(new BigDecimal(before), new BigDecimal(after), better);
    }

    @Test
    void lowerIsBetterCountsAFallAsAnImprovement() {
        assertEquals(new BigDecimal("62.5"), of("120", "45", Direction.LOWER).percent());
        assertEquals(new BigDecimal("85.8823529411765"), of("850", "120", Direction.LOWER).percent(),
                "15 significant digits, the precision of every computed number, not a display precision");
    }

    @Test
    void higherIsBetterCountsARiseAsAnImprovement() {
        assertEquals(new BigDecimal("150"), of("800", "2000", Direction.HIGHER).percent());
        assertEquals(new BigDecimal("-33.3333333333333"), of("3", "2", Direction.HIGHER).percent());
    }

    @Test
    void aRegressionIsNegative() {
        assertEquals(new BigDecimal("-50"), of("2", "3", Direction.LOWER).percent());
        assertEquals(new BigDecimal("-25"), of("1000", "750", Direction.HIGHER).percent());
    }

    @Test
    void noChangeIsZero() {
        assertEquals(BigDecimal.ZERO, of("12.50", "12.5", Direction.LOWER).percent());
    }

    @Test
    void withoutABaselineThereIsNoPercentageButANote() {
        Improvement improvement = of("0", "0.2", Direction.LOWER);
        assertNull(improvement.percent());
        assertEquals("no baseline: before is 0", improvement.note());
        assertNull(of("0.000", "5", Direction.HIGHER).percent());
    }

    @Test
    void largeImprovementsKeepPlainNotation() {
        assertEquals("1234567890123460000", of("1", "12345678901234600", Direction.HIGHER).percent().toPlainString());
        assertEquals("1234567890123460000", of("1", "12345678901234600", Direction.HIGHER).percent().toString(),
                "no exponent, so Jackson writes it as the plain number it is");
    }

    @Test
    void exactResultsStayExact() {
        assertEquals("25", of("200", "150", Direction.LOWER).percent().toPlainString());
        assertEquals("0.1", of("1000", "999", Direction.LOWER).percent().toPlainString());
    }
}
