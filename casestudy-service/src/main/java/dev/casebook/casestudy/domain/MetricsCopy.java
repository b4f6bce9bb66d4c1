package dev.casebook.casestudy.domain;

import dev.casebook.casestudy.contract.MetricRow;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A local copy of a metrics table metrics-service owns, kept current by its events. */
@MappedSuperclass
public abstract class MetricsCopy extends PanacheEntityBase {

    @Id
    @Column(name = "case_study_id")
    public UUID caseStudyId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb", nullable = false)
    public List<MetricRow> rows = new ArrayList<>();

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The version metrics-service gave the table: what orders copies, not {@link #updatedAt}. */
    @Column(nullable = false)
    public long version;

    /**
     * Takes {@code newRows} unless this copy has a higher version, so a late redelivery of an old table changes
     * nothing, and a table dated in 9999 is as old as its version says. The same version is the same table.
     */
    void keepIfNewer(List<MetricRow> newRows, Instant newUpdatedAt, long newVersion) {
        if (isPersistent() && version > newVersion) {
            return;
        }
        rows = new ArrayList<>(newRows);
        updatedAt = newUpdatedAt;
        version = newVersion;
        persist();
    }
}
