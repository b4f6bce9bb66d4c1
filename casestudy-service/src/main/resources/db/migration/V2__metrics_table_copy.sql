-- casestudy-service's copy of each case study's performance-metrics table. metrics-service owns the
-- table; its metrics.updated events keep this copy current, so case studies show their metrics even
-- while metrics-service is down.
CREATE TABLE case_study_metrics (
    case_study_id UUID PRIMARY KEY,
    rows          JSONB       NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
