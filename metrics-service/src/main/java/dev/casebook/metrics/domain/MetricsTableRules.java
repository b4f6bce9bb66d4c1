package dev.casebook.metrics.domain;

import dev.casebook.metrics.contract.Direction;
import dev.casebook.platform.domain.FieldError;
import dev.casebook.platform.domain.InvalidInput;
import dev.casebook.platform.problem.InputValidation;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Turns reported rows into a metrics table, or says precisely what is wrong with them. */
@ApplicationScoped
public class MetricsTableRules {

    private static final String CATALOGUE = Arrays.stream(KnownMetric.values()).map(KnownMetric::displayName)
            .collect(Collectors.joining(", "));

    private final InputValidation validation;

    public MetricsTableRules(InputValidation validation) {
        this.validation = validation;
    }

    /** All rows, or a 400 listing every problem (field names such as {@code rows[2].before}). */
    public List<MetricRow> table(List<ReportedMetric> reported) {
        if (reported == null) {
            throw InvalidInput.of("rows", "must not be null");
        }
        if (reported.size() > MetricsTable.MAX_ROWS) {
            throw InvalidInput.of("rows", "holds " + reported.size() + " rows; a table has at most " + MetricsTable.MAX_ROWS);
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < reported.size(); i++) {
            String field = "rows[" + i + "]";
            List<FieldError> rowErrors = problemsOf(reported.get(i), field);
            errors.addAll(rowErrors);
            if (rowErrors.isEmpty()) {
                Integer first = seen.putIfAbsent(MetricRow.keyOf(reported.get(i).name()), i);
                if (first != null) {
                    errors.add(new FieldError(field + ".name", "repeats the metric of rows[" + first + "]; each metric has one row"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        return reported.stream().map(MetricsTableRules::toRow).toList();
    }

    /** What is wrong with one row on its own (not with the table it is in); empty when it is fine. */
    public List<FieldError> problemsOf(ReportedMetric row, String field) {
        if (row == null) {
            return List.of(new FieldError(field, "must not be null"));
        }
        List<FieldError> errors = new ArrayList<>(validation.errorsOf(row, field));
        if (row.name() != null && !row.name().isBlank() && KnownMetric.named(row.name()).isEmpty()) {
            if (row.unit() == null) {
                errors.add(new FieldError(field + ".unit", "is required for a metric outside the catalogue (" + CATALOGUE + ")"));
            }
            if (row.better() == null) {
                errors.add(new FieldError(field + ".better", "is required for a metric outside the catalogue (" + CATALOGUE
                        + "); must be one of [LOWER, HIGHER]"));
            }
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return errors;
    }

    /**
     * A valid row with the catalogue's defaults filled in and a known metric's name spelled as the catalogue does.
     * Only an imported row may come without a direction or a unit.
     */
    public static MetricRow toRow(ReportedMetric row) {
        Optional<KnownMetric> known = KnownMetric.named(row.name());
        String name = known.map(KnownMetric::displayName).orElse(row.name().strip());
        String unit = row.unit() != null ? row.unit().strip() : known.map(KnownMetric::unit).orElse("");
        Direction better = row.better() != null ? row.better() : known.map(KnownMetric::better).orElse(null);
        return MetricRow.of(name, unit, row.before(), row.after(), better);
    }
}
