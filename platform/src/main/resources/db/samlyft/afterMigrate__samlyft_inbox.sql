-- Runs as the owning role after every migration, like afterMigrate.sql: the application's role may record and look
-- up applied events, and delete old records; never change one.
GRANT USAGE ON SCHEMA samlyft TO "${approle}";
GRANT SELECT, INSERT, DELETE ON samlyft.processed_event TO "${approle}";
