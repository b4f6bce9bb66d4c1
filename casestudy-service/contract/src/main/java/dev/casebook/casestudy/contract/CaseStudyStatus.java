package dev.casebook.casestudy.contract;

/** Where a case study stands in the editorial workflow. */
public enum CaseStudyStatus {
    /** Being written; only its author and the editors see it. */
    DRAFT,
    /** Submitted by its author, waiting for an editor. */
    IN_REVIEW,
    /** Visible to everyone. */
    PUBLISHED,
    /** Withdrawn for good; kept for the record. */
    ARCHIVED
}
