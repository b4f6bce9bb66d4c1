-- A revision is named by the version of the case study it saved, the number its ETag and If-Match carry, so
-- "GET .../revisions/{version}" reads exactly what a client saw at that ETag. Revisions used to be counted 1, 2, 3
-- in the order they were saved. Which version each of those saved is not recorded, so they become 0, 1, 2: the
-- first is right (a new case study is version 0) and no later one is above its real version, so no new revision
-- can collide with an old one.
-- The unique key goes while the numbers move: PostgreSQL checks it row by row, not at the end of the UPDATE.
ALTER TABLE case_study_revision DROP CONSTRAINT case_study_revision_case_study_id_number_key;
ALTER TABLE case_study_revision RENAME COLUMN number TO version;
ALTER TABLE case_study_revision ALTER COLUMN version TYPE BIGINT;
UPDATE case_study_revision SET version = version - 1;
ALTER TABLE case_study_revision ADD CONSTRAINT case_study_revision_version_key UNIQUE (case_study_id, version);
