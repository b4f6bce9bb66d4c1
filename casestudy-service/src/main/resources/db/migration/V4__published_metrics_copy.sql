-- casestudy-service's copy of the metrics table the public reads: the table as it was at the case study's last
-- publish (metrics-service's metrics.published events). case_study_metrics stays the working table its author and
-- the editors see; new numbers reach the public only at the next publish, after review.
CREATE TABLE case_study_published_metrics (
    case_study_id UUID PRIMARY KEY,
    rows          JSONB       NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);

-- Until now the public read the working table: that is what was published.
INSERT INTO case_study_published_metrics (case_study_id, rows, updated_at)
SELECT m.case_study_id, m.rows, m.updated_at FROM case_study_metrics m JOIN published_case_study p ON p.id = m.case_study_id;
