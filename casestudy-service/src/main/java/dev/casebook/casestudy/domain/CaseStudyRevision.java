package dev.casebook.casestudy.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One saved version of a case study's working copy. */
@Entity
@Table(name = "case_study_revision")
public class CaseStudyRevision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_study_id", nullable = false)
    public UUID caseStudyId;

    @Column(nullable = false)
    public int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStudyStatus status;

    @Column(nullable = false)
    public String title;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb", nullable = false)
    public CaseStudyDocument content;

    @Column(name = "saved_by", nullable = false)
    public String savedBy;

    @Column(name = "saved_at", nullable = false)
    public Instant savedAt;

    static CaseStudyRevision of(CaseStudy caseStudy, String savedBy) {
        CaseStudyRevision revision = new CaseStudyRevision();
        revision.caseStudyId = caseStudy.id;
        revision.number = (int) count("caseStudyId", caseStudy.id) + 1;
        revision.status = caseStudy.status;
        revision.title = caseStudy.title;
        revision.content = caseStudy.content;
        revision.savedBy = savedBy;
        revision.savedAt = caseStudy.updatedAt;
        return revision;
    }

    public static List<CaseStudyRevision> of(UUID caseStudyId) {
        return list("caseStudyId = ?1 order by number", caseStudyId);
    }

    public static Optional<CaseStudyRevision> of(UUID caseStudyId, int number) {
        return find("caseStudyId = ?1 and number = ?2", caseStudyId, number).firstResultOptional();
    }
}
