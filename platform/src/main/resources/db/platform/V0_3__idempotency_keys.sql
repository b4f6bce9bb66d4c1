-- Shared by every service whose writes honour the Idempotency-Key header (platform's idempotency package);
-- created in the service's own schema, so every replica of the service knows every key.

-- One row per caller and key. It is inserted first in the write's own transaction and gets the answer before that
-- commits, so a committed row always has its answer, and a change is never committed without its key. A repeat
-- of a request still in flight waits on the primary key until the first commits (then gets its answer) or rolls
-- back (then runs itself).
CREATE TABLE idempotency_key (
    caller_id       VARCHAR(200) NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    -- SHA-256 of the method, the path and the request's input, without secrets: another request with the key is a 422
    fingerprint     CHAR(64)     NOT NULL,
    status          INTEGER,
    content_type    VARCHAR(200),
    location        TEXT,
    etag            VARCHAR(200),
    body            BYTEA,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (caller_id, idempotency_key)
);
-- The purge deletes the oldest first, in batches.
CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
