package dev.casebook.metrics.domain;

import dev.casebook.platform.security.Caller;
import dev.casebook.metrics.contract.MetricsEvents;
import dev.casebook.metrics.contract.MetricsTableView;
import dev.casebook.platform.events.Outbox;
import dev.casebook.platform.domain.FieldError;
import dev.casebook.platform.domain.Conflict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every change to a metrics table goes through here and is announced as a {@code metrics.updated} event in the
 * same transaction.
 */
@ApplicationScoped
@Transactional
public class MetricsDesk {

    private static final Logger LOG = Logger.getLogger(MetricsDesk.class);

    private final MetricsTableRules rules;
    private final SampleStore samples;
    private final Outbox outbox;

    public MetricsDesk(MetricsTableRules rules, SampleStore samples, Outbox outbox) {
        this.rules = rules;
        this.samples = samples;
        this.outbox = outbox;
    }

    /**
     * The table the caller may see: its author and the editors see the working table; everyone else the one of the
     * last publish, so numbers changed since then stay private until they are reviewed and published.
     */
    public MetricsTableView table(UUID caseStudyId, Caller caller) {
        CaseStudy caseStudy = CaseStudy.readable(caseStudyId, caller);
        if (caseStudy.isWorkingCopyVisibleTo(caller)) {
            return MetricsTable.<MetricsTable>findByIdOptional(caseStudyId).orElseGet(() -> MetricsTable.empty(caseStudyId)).view();
        }
        return PublishedMetricsTable.<PublishedMetricsTable>findByIdOptional(caseStudyId).map(PublishedMetricsTable::view)
                .orElseGet(() -> MetricsTable.empty(caseStudyId).view());
    }

    /**
     * The version of what {@link #table} shows the caller, read without its rows (a 304 needs no more); empty where
     * {@link #table} answers 404. It moves with the case study's projection (a publish, an unpublish) and with the
     * table shown.
     */
    public Optional<String> tableVersion(UUID caseStudyId, Caller caller) {
        return CaseStudy.findReadable(caseStudyId, caller).map(caseStudy -> caseStudy.isWorkingCopyVisibleTo(caller)
                        ? "w" + caseStudy.version + "." + MetricsTable.<MetricsTable>findByIdOptional(caseStudyId).map(t -> t.version).orElse(0L)
                        : "p" + caseStudy.version + "." + PublishedMetricsTable.<PublishedMetricsTable>findByIdOptional(caseStudyId)
                                .map(t -> t.version).orElse(0L));
    }

    /** The working table becomes the public one: the case study was reviewed and published. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(CaseStudy caseStudy) {
        PublishedMetricsTable published = PublishedMetricsTable.<PublishedMetricsTable>findByIdOptional(caseStudy.id)
                .orElseGet(() -> {
                    PublishedMetricsTable fresh = new PublishedMetricsTable();
                    fresh.caseStudyId = caseStudy.id;
                    return fresh;
                });
        published.rows.clear();
        published.version = 0;
        MetricsTable.<MetricsTable>findByIdOptional(caseStudy.id).ifPresent(working -> {
            published.rows.addAll(working.rows);
            published.version = working.version;
        });
        published.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        published.persist();
        outbox.emit(MetricsEvents.PUBLISHED, published.view());
    }

    /** Sets all rows at once; an empty list empties the table. */
    public MetricsTable replace(UUID caseStudyId, List<ReportedMetric> reported, Caller caller) {
        CaseStudy caseStudy = CaseStudy.changeableLocked(caseStudyId, caller);
        return save(caseStudy, rules.table(reported));
    }

    /**
     * Adopts the rows a case study brought from imported Markdown, as if its author had set them. A row of the
     * catalogue takes the catalogue's direction (writers write changes as "-95%" as often as improvements as "95%");
     * any other row keeps the direction the Markdown implied, or none, and no unit when its cells had none.
     * Rows a PUT would refuse for any other reason are left out and logged. The table is announced even when it ends
     * up empty, so that the case study's copy of the rows as written is replaced.
     */
    public void adoptImported(CaseStudy caseStudy, List<ReportedMetric> imported) {
        if (MetricsTable.findById(caseStudy.id) != null) {
            return; // a table set since then is newer than the import
        }
        List<MetricRow> rows = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < imported.size() && rows.size() < MetricsTable.MAX_ROWS; i++) {
            ReportedMetric row = asImported(imported.get(i));
            // What a PUT requires of a metric outside the catalogue, an import may leave to its author.
            List<FieldError> problems = rules.problemsOf(row, "metrics[" + i + "]").stream()
                    .filter(problem -> !(problem.field().endsWith(".better") || problem.field().endsWith(".unit") && row.unit() == null))
                    .toList();
            if (problems.isEmpty() && seen.putIfAbsent(MetricRow.keyOf(row.name()), i) != null) {
                problems = List.of(new FieldError("metrics[" + i + "].name", "repeats an earlier metric"));
            }
            if (!problems.isEmpty()) {
                LOG.warnf("Imported metric %d of case study %s left out: %s", i, caseStudy.id, problems.stream()
                        .map(problem -> problem.field() + " " + problem.message()).collect(Collectors.joining("; ")));
                continue;
            }
            rows.add(MetricsTableRules.toRow(row));
        }
        save(caseStudy, rows);
    }

    private static ReportedMetric asImported(ReportedMetric row) {
        if (row == null) {
            return null;
        }
        Optional<KnownMetric> known = KnownMetric.named(row.name());
        return known.isEmpty() ? row : new ReportedMetric(row.name(), row.unit(), row.before(), row.after(), known.get().better());
    }

    /**
     * Fills before and after of every metric that has samples in both phases with {@code statistic} of them.
     * Rows without samples stay as they are; a metric of the catalogue with samples but no row gets one.
     */
    public MetricsTable derive(UUID caseStudyId, Statistic statistic, Caller caller) {
        CaseStudy caseStudy = CaseStudy.changeableLocked(caseStudyId, caller);
        Map<String, EnumMap<Phase, Double>> byMetric = new LinkedHashMap<>();
        Map<String, String> spelling = new LinkedHashMap<>();
        for (SampleStore.PhaseValue value : samples.statistic(caseStudyId, statistic)) {
            byMetric.computeIfAbsent(value.metricKey(), key -> new EnumMap<>(Phase.class)).put(value.phase(), value.value());
            spelling.putIfAbsent(value.metricKey(), value.metric());
        }
        if (byMetric.isEmpty()) {
            throw new Conflict("Case study " + caseStudy.slug + " has no samples to derive its metrics from");
        }
        List<String> onePhaseOnly = byMetric.entrySet().stream().filter(e -> e.getValue().size() < 2)
                .map(e -> spelling.get(e.getKey())).toList();
        if (!onePhaseOnly.isEmpty()) {
            throw new Conflict("Metrics " + onePhaseOnly + " have samples of one phase only; "
                    + "a before/after value needs samples of both BEFORE and AFTER").with("incompleteMetrics", onePhaseOnly);
        }
        MetricsTable current = MetricsTable.findById(caseStudyId);
        List<MetricRow> rows = new ArrayList<>(current == null ? List.of() : current.rows);
        List<String> withoutRow = new ArrayList<>();
        byMetric.forEach((key, phases) -> {
            BigDecimal before = ComputedDecimal.of(phases.get(Phase.BEFORE));
            BigDecimal after = ComputedDecimal.of(phases.get(Phase.AFTER));
            Optional<Integer> existing = indexOf(rows, key);
            Optional<KnownMetric> known = KnownMetric.named(key);
            if (existing.isPresent()) {
                rows.set(existing.get(), rows.get(existing.get()).withValues(before, after));
            } else if (known.isPresent()) {
                rows.add(MetricRow.of(known.get().displayName(), known.get().unit(), before, after, known.get().better()));
            } else {
                withoutRow.add(spelling.get(key));
            }
        });
        if (!withoutRow.isEmpty()) {
            throw new Conflict("Metrics " + withoutRow + " have samples but no row in the table that gives "
                    + "their unit and which way is better; add their rows with PUT first").with("metricsWithoutRow", withoutRow);
        }
        if (rows.size() > MetricsTable.MAX_ROWS) {
            throw new Conflict("Deriving would give the table " + rows.size() + " rows; a table has at most "
                    + MetricsTable.MAX_ROWS);
        }
        return save(caseStudy, rows);
    }

    private MetricsTable save(CaseStudy caseStudy, List<MetricRow> rows) {
        MetricsTable table = MetricsTable.<MetricsTable>findByIdOptional(caseStudy.id).orElseGet(() -> MetricsTable.empty(caseStudy.id));
        table.rows.clear();
        table.rows.addAll(rows);
        // Microseconds: what PostgreSQL keeps, so the event says exactly what a later read says.
        table.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        table.version++;
        table.persist();
        outbox.emit(MetricsEvents.UPDATED, table.view());
        return table;
    }

    private static Optional<Integer> indexOf(List<MetricRow> rows, String key) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).nameKey().equals(key)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

}
