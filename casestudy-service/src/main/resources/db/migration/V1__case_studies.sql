-- The working copy of every case study: what its author and the editors see and edit.
CREATE TABLE case_study (
    id             UUID PRIMARY KEY,
    slug           VARCHAR(120) NOT NULL UNIQUE,
    status         VARCHAR(20)  NOT NULL,
    version        BIGINT       NOT NULL,
    author_id      VARCHAR(64)  NOT NULL,
    title          VARCHAR(200) NOT NULL,
    industry       VARCHAR(100),
    tags           TEXT[]       NOT NULL DEFAULT '{}',
    tech           TEXT[]       NOT NULL DEFAULT '{}',
    content        JSONB        NOT NULL,
    review_comment TEXT,
    ever_published BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL,
    published_at   TIMESTAMPTZ,
    -- title first, then the summary, then every other text of every section
    search         TSVECTOR GENERATED ALWAYS AS (
                       setweight(to_tsvector('english', title), 'A')
                       || setweight(to_tsvector('english', coalesce(content ->> 'summary', '')), 'B')
                       || setweight(jsonb_to_tsvector('english', content, '["string"]'), 'C')) STORED
);
CREATE INDEX case_study_search ON case_study USING GIN (search);
CREATE INDEX case_study_tags ON case_study USING GIN (tags);
CREATE INDEX case_study_tech ON case_study USING GIN (tech);
CREATE INDEX case_study_author ON case_study (author_id);
CREATE INDEX case_study_updated ON case_study (updated_at DESC);

-- What the public sees: the copy made at the last publish, visible until the next publish,
-- an unpublish or an archive, whatever happens to the working copy meanwhile.
CREATE TABLE published_case_study (
    id           UUID PRIMARY KEY REFERENCES case_study (id) ON DELETE CASCADE,
    slug         VARCHAR(120) NOT NULL UNIQUE,
    status       VARCHAR(20)  NOT NULL DEFAULT 'PUBLISHED',
    version      BIGINT       NOT NULL,
    author_id    VARCHAR(64)  NOT NULL,
    title        VARCHAR(200) NOT NULL,
    industry     VARCHAR(100),
    tags         TEXT[]       NOT NULL DEFAULT '{}',
    tech         TEXT[]       NOT NULL DEFAULT '{}',
    content      JSONB        NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    published_at TIMESTAMPTZ  NOT NULL,
    search       TSVECTOR GENERATED ALWAYS AS (
                     setweight(to_tsvector('english', title), 'A')
                     || setweight(to_tsvector('english', coalesce(content ->> 'summary', '')), 'B')
                     || setweight(jsonb_to_tsvector('english', content, '["string"]'), 'C')) STORED
);
CREATE INDEX published_case_study_search ON published_case_study USING GIN (search);
CREATE INDEX published_case_study_tags ON published_case_study USING GIN (tags);
CREATE INDEX published_case_study_tech ON published_case_study USING GIN (tech);
CREATE INDEX published_case_study_published ON published_case_study (published_at DESC);

-- Every saved version of the working copy, with who saved it and when.
CREATE TABLE case_study_revision (
    id            BIGSERIAL PRIMARY KEY,
    case_study_id UUID         NOT NULL REFERENCES case_study (id) ON DELETE CASCADE,
    number        INTEGER      NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    title         VARCHAR(200) NOT NULL,
    content       JSONB        NOT NULL,
    saved_by      VARCHAR(64)  NOT NULL,
    saved_at      TIMESTAMPTZ  NOT NULL,
    UNIQUE (case_study_id, number)
);
