-- Runs as the owning role after every migration, like afterMigrate.sql: the application's role may append events to
-- the outbox, and its relay read them and delete the published ones; never change one.
GRANT USAGE ON SCHEMA samlyft TO "${approle}";
GRANT SELECT, INSERT, DELETE ON samlyft.outbox_event TO "${approle}";
