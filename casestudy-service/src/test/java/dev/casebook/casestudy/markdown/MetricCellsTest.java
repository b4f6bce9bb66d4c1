package dev.casebook.casestudy.markdown;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

class MetricCellsTest {

    private static MetricCells.Value value(String cell) {
        return MetricCells.parse(cell);
    }

    @Test
    void aNumberWithItsUnitAfterOrACurrencyBefore() {
        assertThat(value("120 ms"), equalTo(new MetricCells.Value(new BigDecimal("120"), "ms")));
        assertThat(value("0.5%"), equalTo(new MetricCells.Value(new BigDecimal("0.5"), "%")));
        assertThat(value("1,200 req/s"), equalTo(new MetricCells.Value(new BigDecimal("1200"), "req/s")));
        assertThat(value("$42,000"), equalTo(new MetricCells.Value(new BigDecimal("42000"), "$")));
        assertThat(value("€1.2/user"), equalTo(new MetricCells.Value(new BigDecimal("1.2"), "€/user")));
        assertThat(value("US$ 3"), nullValue());
        assertThat(value("12"), equalTo(new MetricCells.Value(new BigDecimal("12"), "")));
    }

    @Test
    void wordsAreNoNumber() {
        assertThat(value("fast"), nullValue());
        assertThat(value("x ms"), nullValue());
        assertThat(value("1,5 s"), nullValue());
        assertThat(value(""), nullValue());
    }

    @Test
    void valuesRenderAsTheyAreRead() {
        for (String cell : new String[] {"120 ms", "61%", "$42000", "€1.2/user", "45 min", "12"}) {
            MetricCells.Value read = value(cell);
            assertThat(MetricCells.value(read.number(), read.unit()), equalTo(cell));
        }
    }

    @Test
    void theImprovementsSignTellsWhichWayIsBetter() {
        StringBuilder why = new StringBuilder();
        assertThat(MetricCells.read("Cost", "$10", "$4", "60%", why).metric().better(), equalTo("LOWER"));
        assertThat(MetricCells.read("Sales", "10", "14", "40%", why).metric().better(), equalTo("HIGHER"));
        assertThat(MetricCells.read("Sales", "10", "14", "n/a", why).metric().better(), nullValue());
        assertThat(MetricCells.read("Sales", "10", "14", "40%", why).writtenImprovement(), equalTo(new BigDecimal("40")));
    }

    @Test
    void aRowMetricsServiceCannotHoldSaysWhy() {
        StringBuilder why = new StringBuilder();
        assertThat(MetricCells.read("Latency", "1 s", "900 ms", "10%", why), nullValue());
        assertThat(why.toString(), containsString("Before is in 's' and After in 'ms'"));
        why.setLength(0);
        assertThat(MetricCells.read("Balance", "-5", "3", "n/a", why), nullValue());
        assertThat(why.toString(), containsString("between 0 and"));
    }
}
