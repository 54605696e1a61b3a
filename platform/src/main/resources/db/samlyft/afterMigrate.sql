-- Runs as the owning role after every migration: the application's role may read and write the tables, never
-- change them, and never read the migration history. Row-level security still applies to it.
GRANT USAGE ON SCHEMA public TO "${approle}";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "${approle}";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "${approle}";
REVOKE ALL ON TABLE flyway_schema_history FROM "${approle}";
