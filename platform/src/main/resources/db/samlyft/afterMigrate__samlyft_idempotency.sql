-- Runs as the owning role after every migration, like afterMigrate.sql: the application's role may use the
-- idempotency keys under row-level security, and purge expired ones through the function made for it.
GRANT USAGE ON SCHEMA samlyft TO "${approle}";
GRANT SELECT, INSERT, UPDATE, DELETE ON samlyft.idempotency_key TO "${approle}";
GRANT EXECUTE ON FUNCTION samlyft.purge_expired_idempotency_keys() TO "${approle}";
