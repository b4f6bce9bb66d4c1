-- A user's access version counts the changes that revoke their access tokens (disabled, roles changed, logged
-- out everywhere). Every access token carries the version it was issued at; verifiers refuse one below the
-- version auth-service last announced on auth.events. A counter, not a time: tokens are stamped in whole
-- seconds, and a count cannot be confused by a clock.
ALTER TABLE users ADD COLUMN access_version BIGINT NOT NULL DEFAULT 0;
