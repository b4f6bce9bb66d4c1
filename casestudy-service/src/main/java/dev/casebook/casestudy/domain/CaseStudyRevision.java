package dev.casebook.casestudy.domain;

import dev.casebook.casestudy.contract.CaseStudyStatus;
import dev.casebook.casestudy.contract.CaseStudyDocument;
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

/**
 * One saved version of a case study's working copy, named by the case study's version it saved: the number in the
 * ETag a client read. Workflow steps change the version but not the content, so they save no revision.
 */
@Entity
@Table(name = "case_study_revision")
public class CaseStudyRevision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_study_id", nullable = false)
    public UUID caseStudyId;

    @Column(nullable = false)
    public long version;

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
        revision.version = caseStudy.version;
        revision.status = caseStudy.status;
        revision.title = caseStudy.title;
        revision.content = caseStudy.content;
        revision.savedBy = savedBy;
        revision.savedAt = caseStudy.updatedAt;
        return revision;
    }

    public static List<CaseStudyRevision> of(UUID caseStudyId) {
        return list("caseStudyId = ?1 order by version", caseStudyId);
    }

    public static Optional<CaseStudyRevision> of(UUID caseStudyId, long version) {
        return find("caseStudyId = ?1 and version = ?2", caseStudyId, version).firstResultOptional();
    }
}
