-- The numbers the public sees: the metrics table as it was when the case study was last published. Authors and
-- editors change metrics_table; it becomes public only at the next publish, after review, so a small edit cannot
-- put new numbers on the public copy or into analytics. Analytics read these rows only.
CREATE TABLE published_metrics_table (
    case_study_id UUID        PRIMARY KEY REFERENCES case_study (id) ON DELETE CASCADE,
    updated_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE published_metric_row (
    case_study_id       UUID         NOT NULL REFERENCES published_metrics_table (case_study_id) ON DELETE CASCADE,
    position            INT          NOT NULL,
    name                VARCHAR(100) NOT NULL,
    name_key            VARCHAR(100) NOT NULL,
    unit                VARCHAR(20)  NOT NULL,
    before_value        NUMERIC      NOT NULL CHECK (before_value >= 0),
    after_value         NUMERIC      NOT NULL CHECK (after_value >= 0),
    better              VARCHAR(6)   CHECK (better IN ('LOWER', 'HIGHER')),
    improvement_percent NUMERIC,
    PRIMARY KEY (case_study_id, position)
);
-- "Top improvements for a metric" walks this index from the largest improvement down.
CREATE INDEX published_metric_row_top ON published_metric_row (name_key, improvement_percent DESC NULLS LAST);

-- What is published now is what was public until now: the tables of the case studies in analytics.
INSERT INTO published_metrics_table (case_study_id, updated_at)
SELECT t.case_study_id, t.updated_at FROM metrics_table t JOIN case_study c ON c.id = t.case_study_id WHERE c.published;
INSERT INTO published_metric_row
SELECT r.* FROM metric_row r JOIN published_metrics_table p ON p.case_study_id = r.case_study_id;
