-- Users sign in with a username that is unique whatever its case; a password is kept only as its bcrypt hash.
CREATE TABLE users (
    id            UUID         PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL
);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));

CREATE TABLE user_roles (
    user_id UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role    VARCHAR(16) NOT NULL CHECK (role IN ('admin', 'editor', 'author', 'viewer')),
    PRIMARY KEY (user_id, role)
);
CREATE INDEX user_roles_role ON user_roles (role);

-- A refresh token is kept only as the SHA-256 of its secret. A login opens a family; each refresh uses up the
-- presented token and adds the next one to the family, so a token presented twice reveals a copy, and the whole
-- family is revoked.
CREATE TABLE refresh_tokens (
    id         UUID        PRIMARY KEY,
    token_hash CHAR(64)    NOT NULL UNIQUE,
    family_id  UUID        NOT NULL,
    user_id    UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    issued_at  TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);
CREATE INDEX refresh_tokens_expires_at ON refresh_tokens (expires_at);

-- Failed logins per lower-cased username as sent (known or not), in the database so that throttling holds
-- across instances.
CREATE TABLE login_failures (
    id           BIGSERIAL   PRIMARY KEY,
    username_key TEXT        NOT NULL,
    failed_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_failures_username_time ON login_failures (username_key, failed_at);
CREATE INDEX login_failures_failed_at ON login_failures (failed_at);
