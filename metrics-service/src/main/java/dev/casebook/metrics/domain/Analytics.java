package dev.casebook.metrics.domain;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.Session;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Improvements across published case studies, aggregated by PostgreSQL: only the aggregates leave the database.
 * A metric is one metric however its name is capitalised; improvements without a baseline are counted apart.
 */
@ApplicationScoped
@Transactional
public class Analytics {

    /** How one metric improved across a group of published case studies, in percent ({@link ComputedDecimal}). */
    public record MetricStatistics(
            @Schema(examples = "Response Time") String name,
            @Schema(description = "Published case studies that report the metric") long caseStudies,
            @Schema(nullable = true) BigDecimal meanImprovementPercent, @Schema(nullable = true) BigDecimal medianImprovementPercent,
            @Schema(nullable = true) BigDecimal minImprovementPercent, @Schema(nullable = true) BigDecimal maxImprovementPercent,
            @Schema(description = "Of those, how many have no improvement because before is 0; the statistics leave them out")
            long withoutBaseline) {
    }

    public record IndustryStatistics(@Schema(description = "Null for case studies that name no industry", nullable = true) String industry,
                                     List<MetricStatistics> metrics) {
    }

    public record TechnologyStatistics(@Schema(examples = "Quarkus") String technology, List<MetricStatistics> metrics) {
    }

    public record TopImprovement(UUID caseStudyId, String slug, String title,
                                 @Schema(description = "Null when the case study names no industry", nullable = true) String industry, String metric, String unit,
                                 BigDecimal before, BigDecimal after, BigDecimal improvementPercent) {
    }

    // One row per metric per case study (the table refuses repeats), so count(*) counts case studies.
    private static final String STATISTICS = """
            mode() WITHIN GROUP (ORDER BY r.name), count(*),
            avg(r.improvement_percent),
            percentile_cont(0.5) WITHIN GROUP (ORDER BY r.improvement_percent::float8),
            min(r.improvement_percent), max(r.improvement_percent),
            count(*) - count(r.improvement_percent)""";
    private static final String METRIC_FILTER = "(CAST(? AS text) IS NULL OR r.name_key = ?)";

    /**
     * Moves whenever anything analytics read changes (a trigger on each of their tables counts it): one row read, so
     * that a client with a current copy is answered without aggregating.
     */
    public long version() {
        long[] version = new long[1];
        session().doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT version FROM published_data_version");
                 ResultSet rows = query.executeQuery()) {
                rows.next();
                version[0] = rows.getLong(1);
            }
        });
        return version[0];
    }

    /** Per metric, over all published case studies. */
    public List<MetricStatistics> summary(String metric) {
        return query("""
                SELECT %s
                FROM published_metric_row r JOIN case_study c ON c.id = r.case_study_id
                WHERE c.published AND %s
                GROUP BY r.name_key
                ORDER BY count(*) DESC, r.name_key""".formatted(STATISTICS, METRIC_FILTER),
                keyOrNull(metric), Analytics::statistics);
    }

    /** Per industry (as most of its case studies spell it) and metric. */
    public List<IndustryStatistics> byIndustry(String metric) {
        List<Grouped> rows = query("""
                SELECT lower(c.industry), mode() WITHIN GROUP (ORDER BY c.industry), %s
                FROM published_metric_row r JOIN case_study c ON c.id = r.case_study_id
                WHERE c.published AND %s
                GROUP BY lower(c.industry), r.name_key
                ORDER BY lower(c.industry) NULLS LAST, count(*) DESC, r.name_key""".formatted(STATISTICS, METRIC_FILTER),
                keyOrNull(metric), Analytics::grouped);
        List<IndustryStatistics> industries = new ArrayList<>();
        group(rows, (name, metrics) -> industries.add(new IndustryStatistics(name, metrics)));
        return industries;
    }

    /** Per tech-stack entry and metric: a case study counts once for a technology it lists in several layers. */
    public List<TechnologyStatistics> byTechnology(String metric) {
        List<Grouped> rows = query("""
                WITH technology AS (
                    SELECT t.case_study_id, lower(t.name) AS key, min(t.name) AS name
                    FROM case_study_technology t JOIN case_study c ON c.id = t.case_study_id
                    WHERE c.published
                    GROUP BY t.case_study_id, lower(t.name))
                SELECT technology.key, mode() WITHIN GROUP (ORDER BY technology.name), %s
                FROM technology JOIN published_metric_row r ON r.case_study_id = technology.case_study_id
                WHERE %s
                GROUP BY technology.key, r.name_key
                ORDER BY technology.key, count(*) DESC, r.name_key""".formatted(STATISTICS, METRIC_FILTER),
                keyOrNull(metric), Analytics::grouped);
        List<TechnologyStatistics> technologies = new ArrayList<>();
        group(rows, (name, metrics) -> technologies.add(new TechnologyStatistics(name, metrics)));
        return technologies;
    }

    /** What {@link #top} sends, with the metric's key and the limit; public so that the scale test explains this very statement. */
    public static final String TOP = """
            SELECT c.id, c.slug, c.title, c.industry, r.name, r.unit, r.before_value, r.after_value, r.improvement_percent
            FROM published_metric_row r JOIN case_study c ON c.id = r.case_study_id
            WHERE r.name_key = ? AND r.improvement_percent IS NOT NULL AND c.published
            ORDER BY r.improvement_percent DESC NULLS LAST, c.slug
            LIMIT ?""";

    /** The published case studies that improved {@code metric} most, largest improvement first. */
    public List<TopImprovement> top(String metric, int limit) {
        List<TopImprovement> top = new ArrayList<>();
        session().doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(TOP)) {
                query.setString(1, MetricRow.keyOf(metric));
                query.setInt(2, limit);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        top.add(new TopImprovement(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                                rows.getString(4), rows.getString(5), rows.getString(6), rows.getBigDecimal(7),
                                rows.getBigDecimal(8), ComputedDecimal.of(rows.getBigDecimal(9))));
                    }
                }
            }
        });
        return top;
    }

    private record Grouped(String key, String name, MetricStatistics statistics) {
    }

    private interface Row<T> {
        T read(ResultSet rows, int at) throws SQLException;
    }

    private static <T> List<T> query(String sql, String metricKey, Row<T> reader) {
        List<T> found = new ArrayList<>();
        session().doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setString(1, metricKey);
                query.setString(2, metricKey);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        found.add(reader.read(rows, 1));
                    }
                }
            }
        });
        return found;
    }

    private static Grouped grouped(ResultSet rows, int at) throws SQLException {
        return new Grouped(rows.getString(at), rows.getString(at + 1), statistics(rows, at + 2));
    }

    private static MetricStatistics statistics(ResultSet rows, int at) throws SQLException {
        return new MetricStatistics(rows.getString(at), rows.getLong(at + 1), computed(rows, at + 2),
                computed(rows, at + 3), computed(rows, at + 4), computed(rows, at + 5), rows.getLong(at + 6));
    }

    private static BigDecimal computed(ResultSet rows, int at) throws SQLException {
        return ComputedDecimal.of(rows.getBigDecimal(at));
    }

    // Rows arrive ordered by group key; each run of one key becomes one group named as its first row spells it.
    private static void group(List<Grouped> rows, BiConsumer<String, List<MetricStatistics>> add) {
        int start = 0;
        for (int i = 1; i <= rows.size(); i++) {
            if (i == rows.size() || !Objects.equals(rows.get(i).key(), rows.get(start).key())) {
                add.accept(rows.get(start).name(), rows.subList(start, i).stream().map(Grouped::statistics).toList());
                start = i;
            }
        }
    }

    private static String keyOrNull(String metric) {
        return metric == null || metric.isBlank() ? null : MetricRow.keyOf(metric);
    }

    private static Session session() {
        return Panache.getEntityManager().unwrap(Session.class);
    }
}
