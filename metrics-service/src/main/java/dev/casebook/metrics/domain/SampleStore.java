package dev.casebook.metrics.domain;

import dev.casebook.platform.security.Caller;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.postgresql.PGConnection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Raw samples in PostgreSQL. They are written with COPY, PostgreSQL's bulk load (a batch of 10,000 is one round
 * trip and no statement per row), and only ever read back as aggregates computed by PostgreSQL, never loaded into
 * memory.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SampleStore {

    /** The statistics of one metric in one phase. */
    public record PhaseSummary(String metric, Phase phase, long count, double min, double max, double mean,
                               double p50, double p95, double p99) {
    }

    /** The statistic of one metric (by its lower-case key, and as its samples spell it) in one phase. */
    public record PhaseValue(String metricKey, String metric, Phase phase, double value) {
    }

    private final SampleSummaries summaries;

    SampleStore(SampleSummaries summaries) {
        this.summaries = summaries;
    }

    public void add(UUID caseStudyId, List<Sample> samples, Instant receivedAt) {
        summaries.samplesAdded(caseStudyId);
        byte[] rows = SampleRows.binary(caseStudyId, samples, receivedAt);
        session().doWork(connection -> {
            try {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(SampleRows.COPY, new ByteArrayInputStream(rows));
            } catch (IOException e) {
                throw new UncheckedIOException(e); // reading memory: cannot happen
            }
        });
    }

    /** For a caller who may read the case study: count, min, max, mean and percentiles per metric and phase. */
    @Transactional
    public List<PhaseSummary> summary(UUID caseStudyId, Caller caller) {
        CaseStudy.readable(caseStudyId, caller);
        return summaries.of(caseStudyId, () -> summary(caseStudyId));
    }

    /**
     * The version of what {@link #summary(UUID, Caller)} shows the caller, read without a sample (a 304 needs no
     * more); empty where it answers 404. It moves with each batch of samples and with the case study's projection.
     */
    @Transactional
    public Optional<String> summaryVersion(UUID caseStudyId, Caller caller) {
        return CaseStudy.findReadable(caseStudyId, caller)
                .map(caseStudy -> "s" + caseStudy.version + "." + summaries.samplesVersion(caseStudyId));
    }

    /** Count, min, max, mean and percentiles per metric and phase; a metric's spellings count as one. */
    public List<PhaseSummary> summary(UUID caseStudyId) {
        List<PhaseSummary> summaries = new ArrayList<>();
        session().doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT min(metric), phase, count(*), min(value), max(value), avg(value),
                           percentile_cont(0.5) WITHIN GROUP (ORDER BY value),
                           percentile_cont(0.95) WITHIN GROUP (ORDER BY value),
                           percentile_cont(0.99) WITHIN GROUP (ORDER BY value)
                    FROM sample WHERE case_study_id = ?
                    GROUP BY lower(metric), phase
                    ORDER BY lower(metric), phase DESC""")) {
                query.setObject(1, caseStudyId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        summaries.add(new PhaseSummary(rows.getString(1), Phase.valueOf(rows.getString(2)), rows.getLong(3),
                                rows.getDouble(4), rows.getDouble(5), rows.getDouble(6), rows.getDouble(7),
                                rows.getDouble(8), rows.getDouble(9)));
                    }
                }
            }
        });
        return summaries;
    }

    /** {@code statistic} per metric (by its lower-case key) and phase. */
    public List<PhaseValue> statistic(UUID caseStudyId, Statistic statistic) {
        List<PhaseValue> values = new ArrayList<>();
        session().doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT lower(metric), min(metric), phase, " + statistic.sql() + " FROM sample WHERE case_study_id = ? "
                            + "GROUP BY lower(metric), phase ORDER BY lower(metric), phase DESC")) {
                query.setObject(1, caseStudyId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        values.add(new PhaseValue(rows.getString(1), rows.getString(2), Phase.valueOf(rows.getString(3)), rows.getDouble(4)));
                    }
                }
            }
        });
        return values;
    }

    private static Session session() {
        return Panache.getEntityManager().unwrap(Session.class);
    }
}
