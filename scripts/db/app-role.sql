-- The least the app needs on a PostgreSQL server (docs/SECURITY.md, "The database"): read and
-- write rows, nothing else. Run as the owner of the tables (the role of MIGRATION_DATABASE_URL),
-- after creating the login role, for example:
--   CREATE ROLE compact_app LOGIN PASSWORD '…';
--   psql "$MIGRATION_DATABASE_URL" -f scripts/db/app-role.sql
-- compact_app may then not create, alter, drop or truncate tables, nor disable the triggers that
-- keep the audit log and the releases insert-only (only a table's owner may); the app runs with
-- DATABASE_URL naming compact_app. Default privileges cover the tables later migrations create.
GRANT USAGE ON SCHEMA public TO compact_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO compact_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO compact_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO compact_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO compact_app;
-- The job queue (pg-boss, lib/data/job-queue.ts): its tables are made by the migration step
-- (npm run db:migrate, as the owner) with the app's queues; the app and its worker only read and
-- write their rows.
GRANT USAGE ON SCHEMA pgboss TO compact_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO compact_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA pgboss GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO compact_app;
