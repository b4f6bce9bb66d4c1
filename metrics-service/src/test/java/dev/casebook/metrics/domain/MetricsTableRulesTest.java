package dev.casebook.metrics.domain;

import dev.casebook.metrics.contract.Direction;
import dev.casebook.platform.domain.FieldError;
import dev.casebook.platform.domain.InvalidInput;
import dev.casebook.platform.problem.InputValidation;
import jakarta.validation.Validation;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A metrics table as an author reports it: the catalogue's defaults filled in, or every problem named by its field. */
class MetricsTableRulesTest {

    private static final String OUTSIDE = "is required for a metric outside the catalogue (Response Time, Throughput, Error Rate)";
    private final MetricsTableRules rules = new MetricsTableRules(new InputValidation(Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator()));

    private static ReportedMetric row(String name, String unit, long before, long after, Direction better) {
        return new ReportedMetric(name, unit, BigDecimal.valueOf(before), BigDecimal.valueOf(after), better);
    }

    private List<FieldError> refused(ReportedMetric... rows) {
        return assertThrows(InvalidInput.class, () -> rules.table(Arrays.asList(rows))).errors();
    }

    @Test
    void theCatalogueFillsInUnitAndDirectionAndSpellsTheName() {
        MetricRow row = rules.table(List.of(row("  response time ", null, 850, 120, null))).get(0);
        assertEquals("Response Time", row.name());
        assertEquals("response time", row.nameKey());
        assertEquals("ms", row.unit());
        assertEquals(Direction.LOWER, row.better());
    }

    @Test
    void whatTheAuthorWroteWinsOverTheCatalogue() {
        MetricRow row = rules.table(List.of(row("Throughput", " req/min ", 10, 20, Direction.LOWER))).get(0);
        assertEquals("req/min", row.unit());
        assertEquals(Direction.LOWER, row.better());
    }

    @Test
    void aMetricOutsideTheCatalogueKeepsItsNameUnitAndDirection() {
        MetricRow row = rules.table(List.of(row(" Queue Depth ", "messages", 0, 5, Direction.LOWER))).get(0);
        assertEquals("Queue Depth", row.name());
        assertEquals("messages", row.unit());
        assertEquals(Direction.LOWER, row.better());
    }

    @Test
    void anImportedRowMayComeWithoutUnitOrDirection() {
        MetricRow row = MetricsTableRules.toRow(row("Incidents", null, 4, 1, null));
        assertEquals("", row.unit());
        assertNull(row.better());
    }

    @Test
    void noRowsAtAllIsRefused() {
        InvalidInput refused = assertThrows(InvalidInput.class, () -> rules.table(null));
        assertEquals(List.of(new FieldError("rows", "must not be null")), refused.errors());
    }

    @Test
    void aTableOverFiftyRowsIsRefusedAsAWhole() {
        List<ReportedMetric> rows = new ArrayList<>();
        for (int i = 0; i <= MetricsTable.MAX_ROWS; i++) {
            rows.add(row("Metric " + i, "count", 1, 2, Direction.HIGHER));
        }
        InvalidInput refused = assertThrows(InvalidInput.class, () -> rules.table(rows));
        assertEquals(List.of(new FieldError("rows", "holds 51 rows; a table has at most 50")), refused.errors());
        assertEquals(50, rules.table(rows.subList(0, MetricsTable.MAX_ROWS)).size());
    }

    @Test
    void aMetricOutsideTheCatalogueNeedsAUnitAndADirection() {
        assertEquals(List.of(
                new FieldError("rows[0].better", OUTSIDE + "; must be one of [LOWER, HIGHER]"),
                new FieldError("rows[0].unit", OUTSIDE)), refused(row("Queue Depth", null, 0, 5, null)));
    }

    @Test
    void aMetricTwiceIsRefusedAtItsSecondRow() {
        assertEquals(List.of(new FieldError("rows[2].name", "repeats the metric of rows[0]; each metric has one row")),
                refused(row("Error Rate", null, 2, 1, null), row("Throughput", null, 1, 2, null), row(" error rate", null, 3, 1, null)));
    }

    @Test
    void everyProblemOfEveryRowIsNamedAtOnce() {
        assertEquals(List.of(
                new FieldError("rows[0].before", "must not be negative"),
                new FieldError("rows[1]", "must not be null"),
                new FieldError("rows[2].name", "must be one line without '|'")),
                refused(row("Response Time", null, -1, 5, null), null, row("a | b", "ms", 1, 2, Direction.LOWER)));
    }

    @Test
    void aRowWithProblemsIsNotCountedAsRepeatingAnother() {
        assertEquals(List.of(new FieldError("rows[1].after", "must not be negative")),
                refused(row("Throughput", null, 1, 2, null), row("Throughput", null, 1, -2, null)));
    }

    @Test
    void oneRowIsCheckedOnItsOwnUnderTheFieldItWasSentAs() {
        assertEquals(List.of(new FieldError("[7].before", "must be at most " + ReportedMetric.MAX_VALUE)),
                rules.problemsOf(new ReportedMetric("Response Time", null, new BigDecimal("1000000000000001"), BigDecimal.ONE, null), "[7]"));
        assertEquals(List.of(), rules.problemsOf(row("Response Time", null, 1, 2, null), "[7]"));
    }
}
