package dev.casebook.metrics.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Each case study's samples summary, kept in PostgreSQL until new samples arrive: its percentiles sort every sample
 * of the case study, so they are computed once per change, not once per read. In the database rather than in memory,
 * so that a batch added through any replica is seen by every other at once.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class SampleSummaries {

    private static final TypeReference<List<SampleStore.PhaseSummary>> SUMMARY = new TypeReference<>() {
    };

    /** Where a transaction keeps the case studies whose samples it added. */
    private static final Object CHANGED = SampleSummaries.class.getName() + ".changed";

    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;

    SampleSummaries(ObjectMapper json, TransactionSynchronizationRegistry transactions) {
        this.json = json;
        this.transactions = transactions;
    }

    /**
     * New samples of the case study are being stored, in this transaction: what was kept is out of date. Its version
     * moves once per transaction, just before the commit, for every case study in id order: the row lock it takes is
     * held only for the commit, so that two batches of one case study's samples are copied in at the same time, and
     * two transactions always lock in the same order.
     */
    void samplesAdded(UUID caseStudyId) {
        @SuppressWarnings("unchecked")
        SortedSet<UUID> changed = (SortedSet<UUID>) transactions.getResource(CHANGED);
        if (changed == null) {
            SortedSet<UUID> first = new TreeSet<>();
            transactions.putResource(CHANGED, first);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    first.forEach(SampleSummaries::bump);
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
            changed = first;
        }
        changed.add(caseStudyId);
    }

    private static void bump(UUID caseStudyId) {
        session().doWork(connection -> {
            try (PreparedStatement bump = connection.prepareStatement("""
                    INSERT INTO sample_summary (case_study_id, samples_version) VALUES (?, 1)
                    ON CONFLICT (case_study_id) DO UPDATE SET samples_version = sample_summary.samples_version + 1""")) {
                bump.setObject(1, caseStudyId);
                bump.executeUpdate();
            }
        });
    }

    /** How many batches of samples the case study has had: 0 for none. Read without the kept summary. */
    long samplesVersion(UUID caseStudyId) {
        long[] version = new long[1];
        session().doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT samples_version FROM sample_summary WHERE case_study_id = ?")) {
                query.setObject(1, caseStudyId);
                try (ResultSet rows = query.executeQuery()) {
                    version[0] = rows.next() ? rows.getLong(1) : 0;
                }
            }
        });
        return version[0];
    }

    /** The kept summary while no samples came since it was computed; otherwise {@code compute}'s, kept for next time. */
    List<SampleStore.PhaseSummary> of(UUID caseStudyId, Supplier<List<SampleStore.PhaseSummary>> compute) {
        Kept kept = kept(caseStudyId);
        if (kept == null) {
            return compute.get(); // no samples were ever added
        }
        if (kept.summary() != null && kept.summaryVersion() == kept.samplesVersion()) {
            return read(kept.summary());
        }
        // Computed after reading the version: it holds at least that version's samples, so it is kept under that
        // version (a batch committed meanwhile makes the next read compute again, never a summary that lacks it).
        List<SampleStore.PhaseSummary> fresh = compute.get();
        keep(caseStudyId, kept.samplesVersion(), fresh);
        return fresh;
    }

    private record Kept(long samplesVersion, long summaryVersion, String summary) {
    }

    private Kept kept(UUID caseStudyId) {
        Kept[] found = new Kept[1];
        session().doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT samples_version, coalesce(summary_version, 0), summary FROM sample_summary WHERE case_study_id = ?")) {
                query.setObject(1, caseStudyId);
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        found[0] = new Kept(rows.getLong(1), rows.getLong(2), rows.getString(3));
                    }
                }
            }
        });
        return found[0];
    }

    private void keep(UUID caseStudyId, long version, List<SampleStore.PhaseSummary> summary) {
        String text = write(summary);
        session().doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE sample_summary SET summary = CAST(? AS jsonb), summary_version = ?
                    WHERE case_study_id = ? AND coalesce(summary_version, 0) < ?""")) {
                update.setString(1, text);
                update.setLong(2, version);
                update.setObject(3, caseStudyId);
                update.setLong(4, version);
                update.executeUpdate();
            }
        });
    }

    private List<SampleStore.PhaseSummary> read(String text) {
        try {
            return json.readValue(text, SUMMARY);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The kept samples summary cannot be read", e);
        }
    }

    private String write(List<SampleStore.PhaseSummary> summary) {
        try {
            return json.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The samples summary cannot be written", e);
        }
    }

    private static Session session() {
        return Panache.getEntityManager().unwrap(Session.class);
    }
}
