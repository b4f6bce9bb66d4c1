-- The samples summary of each case study, kept until new samples arrive (SampleSummaries): its percentiles sort every
-- sample of the case study, so they are computed once per change rather than on every read (issue 15).
-- samples_version counts the batches added; summary is what was computed when it stood at summary_version.
CREATE TABLE sample_summary (
    case_study_id   UUID   PRIMARY KEY REFERENCES case_study (id) ON DELETE CASCADE,
    samples_version BIGINT NOT NULL,
    summary_version BIGINT,
    summary         JSONB
);
