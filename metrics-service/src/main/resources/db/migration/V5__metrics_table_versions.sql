-- Copies of a metrics table (casestudy-service's) keep the one with the highest version, which this service counts
-- up at each change, instead of the latest updated_at: a clock can go back, and a date in 9999 would win for ever.
-- Tables from before start at 0; their next change is 1. A published table carries the version of the working table
-- it was published from.
ALTER TABLE metrics_table ADD COLUMN version BIGINT NOT NULL DEFAULT 0 CHECK (version >= 0);
ALTER TABLE published_metrics_table ADD COLUMN version BIGINT NOT NULL DEFAULT 0 CHECK (version >= 0);
UPDATE published_metrics_table p SET version = w.version FROM metrics_table w WHERE w.case_study_id = p.case_study_id;
