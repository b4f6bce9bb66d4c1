-- One counter for everything analytics read: it moves in the same transaction as any change to the projection of
-- case studies or to the published metrics, so that an analytics read with a current ETag is answered 304 from this
-- one row, without aggregating anything. Triggers rather than code, so that no write path can forget it; once per
-- statement, not per row.
CREATE TABLE published_data_version (
    only_row BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
    version  BIGINT  NOT NULL
);
INSERT INTO published_data_version (version) VALUES (1);

CREATE FUNCTION published_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE published_data_version SET version = version + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER case_study_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON case_study
    FOR EACH STATEMENT EXECUTE FUNCTION published_data_changed();
CREATE TRIGGER case_study_technology_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON case_study_technology
    FOR EACH STATEMENT EXECUTE FUNCTION published_data_changed();
CREATE TRIGGER published_metrics_table_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON published_metrics_table
    FOR EACH STATEMENT EXECUTE FUNCTION published_data_changed();
CREATE TRIGGER published_metric_row_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON published_metric_row
    FOR EACH STATEMENT EXECUTE FUNCTION published_data_changed();
