-- metrics-service's own schema. It never reads casestudy's: what it knows of case studies comes from casestudy.events.

-- The projection of case studies. Texts are unbounded here: casestudy-service bounds them, and an event
-- must never be refused over a limit this copy chose.
CREATE TABLE case_study (
    id         UUID    PRIMARY KEY,
    slug       TEXT    NOT NULL,
    title      TEXT,                       -- known once published: only the published event carries the document
    status     TEXT    NOT NULL,           -- DRAFT, IN_REVIEW, PUBLISHED, ARCHIVED as casestudy-service says
    author_id  TEXT    NOT NULL,
    industry   TEXT,
    published  BOOLEAN NOT NULL DEFAULT FALSE, -- in analytics; stays true while a published case study is re-edited
    version    BIGINT  NOT NULL
);
CREATE INDEX case_study_published ON case_study (id) WHERE published;
CREATE INDEX case_study_published_industry ON case_study (lower(industry)) WHERE published;

-- Each entry of the published tech stack (frontend, backend, infrastructure, testing).
CREATE TABLE case_study_technology (
    case_study_id UUID NOT NULL REFERENCES case_study (id) ON DELETE CASCADE,
    layer         TEXT NOT NULL,
    name          TEXT NOT NULL,
    PRIMARY KEY (case_study_id, layer, name)
);
CREATE INDEX case_study_technology_name ON case_study_technology (lower(name), case_study_id);

-- A case study's before/after table. Rows are replaced as a whole.
CREATE TABLE metrics_table (
    case_study_id UUID        PRIMARY KEY REFERENCES case_study (id) ON DELETE CASCADE,
    updated_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE metric_row (
    case_study_id       UUID         NOT NULL REFERENCES metrics_table (case_study_id) ON DELETE CASCADE,
    position            INT          NOT NULL,
    name                VARCHAR(100) NOT NULL,
    name_key            VARCHAR(100) NOT NULL, -- lower-case name: one metric however it is capitalised
    unit                VARCHAR(20)  NOT NULL,
    before_value        NUMERIC      NOT NULL CHECK (before_value >= 0),
    after_value         NUMERIC      NOT NULL CHECK (after_value >= 0),
    better              VARCHAR(6)   NOT NULL CHECK (better IN ('LOWER', 'HIGHER')),
    -- Stored, not recomputed: analytics aggregate it in SQL; null when before is 0.
    improvement_percent NUMERIC,
    PRIMARY KEY (case_study_id, position)
);
-- "Top improvements for a metric" walks this index from the largest improvement down.
CREATE INDEX metric_row_top ON metric_row (name_key, improvement_percent DESC NULLS LAST);

-- Raw measurements from load tests; summarised and turned into before/after values in SQL.
CREATE TABLE sample (
    id            BIGINT           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_study_id UUID             NOT NULL REFERENCES case_study (id) ON DELETE CASCADE,
    metric        VARCHAR(100)     NOT NULL,
    phase         VARCHAR(6)       NOT NULL CHECK (phase IN ('BEFORE', 'AFTER')),
    value         DOUBLE PRECISION NOT NULL CHECK (value >= 0),
    measured_at   TIMESTAMPTZ      NOT NULL,
    received_at   TIMESTAMPTZ      NOT NULL DEFAULT now()
);
CREATE INDEX sample_by_metric ON sample (case_study_id, lower(metric), phase);
