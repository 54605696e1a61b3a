-- The ids of the events each consumer of the service has applied (se.samlyft.platform.inbox), in every service's own
-- database. A consumer inserts its row in the same transaction as the event's effect, so the two commit together, and
-- skips an event whose row exists already.
--
-- A repeatable migration in the platform's location, so that each service gets the table without a versioned
-- migration that could collide with its own V1, V2, ... Flyway runs it again whenever this file changes, so every
-- statement must be safe to repeat: add columns with "add column if not exists", never drop data. It runs after the
-- service's versioned migrations, which therefore cannot refer to this table.
--
-- The table holds consumer names and event ids, no tenant data, and has no row-level security: a duplicate must be
-- found whatever the tenant scope of the transaction, including the empty scope of an event of no tenant.
-- afterMigrate__samlyft_inbox.sql grants the application's role its rights.
create schema if not exists samlyft;

create table if not exists samlyft.processed_event (
    consumer     text        not null check (consumer <> ''),
    event_id     text        not null check (event_id <> ''),
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

-- Records older than the consumer's retention are deleted (se.samlyft.platform.inbox.ProcessedEventCleanup).
create index if not exists processed_event_processed_at_idx on samlyft.processed_event (processed_at);

comment on table samlyft.processed_event is
    'The events each consumer has applied, by CloudEvents id; written in the transaction of the event''s effect.';
