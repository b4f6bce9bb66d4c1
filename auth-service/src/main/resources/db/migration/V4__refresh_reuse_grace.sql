-- A refresh token used up by a refresh keeps who used it (a SHA-256 of the client's address and User-Agent) and the
-- pair it was traded for, sealed with AES-GCM under a key derived from the used token's secret, which the database
-- never holds: only the holder of that token can open it. The same client sending the same token again within the
-- grace window (casebook.jwt.refresh-reuse-grace) gets that pair again instead of revoking the session.
ALTER TABLE refresh_tokens ADD COLUMN used_by CHAR(64);
ALTER TABLE refresh_tokens ADD COLUMN successor_sealed BYTEA;
