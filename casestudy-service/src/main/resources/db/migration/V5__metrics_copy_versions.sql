-- The copies keep the metrics table of the highest version metrics-service gave it (metrics.updated and
-- metrics.published carry it), no longer the latest updated_at: a clock can go back, and a date in 9999 would pin a
-- table for ever. Copies from before start at 0, as metrics-service's tables do; their next change is 1.
ALTER TABLE case_study_metrics ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE case_study_published_metrics ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
