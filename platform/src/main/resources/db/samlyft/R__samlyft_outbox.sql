-- The transactional outbox (se.samlyft.platform.outbox), in every service's own database. A service writes each
-- integration event here in the same transaction as the state change it reports; the service's relay publishes the
-- rows to Kafka in position order and deletes each row once the broker has acknowledged its record. A row is the
-- record it becomes: topic, key, the CloudEvents attributes (ce_*) that become its headers, and the JSON data that
-- becomes its value.
--
-- A repeatable migration in the platform's location, so that each service gets the table without a versioned
-- migration that could collide with its own V1, V2, ... Flyway runs it again whenever this file changes, so every
-- statement must be safe to repeat: add columns with "add column if not exists", never drop data. It runs after the
-- service's versioned migrations, which therefore cannot refer to this table.
--
-- Row-level security only on what is written: a transaction appends events of the tenants in its setting
-- samlyft.tenant_ids alone (the tenant of an event is its CloudEvents attribute ce_tenantid), while the relay reads
-- and deletes the events of every tenant, as the only reader of the table; a row holds what goes to Kafka anyway (ids
-- and facts, no personal data). afterMigrate__samlyft_outbox.sql grants the application's role its rights.
create schema if not exists samlyft;

create table if not exists samlyft.outbox_event (
    position      bigint      generated always as identity primary key,
    topic         text        not null,
    record_key    text        not null,
    ce_id         uuid        not null,
    ce_source     text        not null,
    ce_type       text        not null,
    ce_subject    text        not null,
    ce_time       timestamptz not null,
    ce_dataschema text        not null,
    ce_tenantid   text        not null,
    data          json        not null
);

comment on table samlyft.outbox_event is
    'Integration events committed with their state change and not yet acknowledged by Kafka; '
    'position orders them, and per aggregate it follows commit order.';

alter table samlyft.outbox_event enable row level security;

drop policy if exists outbox_event_appended_in_scope on samlyft.outbox_event;
create policy outbox_event_appended_in_scope on samlyft.outbox_event for insert
    with check (ce_tenantid = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));

drop policy if exists outbox_event_relayed on samlyft.outbox_event;
create policy outbox_event_relayed on samlyft.outbox_event for select using (true);

drop policy if exists outbox_event_acknowledged on samlyft.outbox_event;
create policy outbox_event_acknowledged on samlyft.outbox_event for delete using (true);

-- The relay listens on the channel samlyft_outbox (se.samlyft.platform.outbox.OutboxNotifications): each statement
-- that appends events notifies it, and PostgreSQL delivers the notification when the transaction commits, once per
-- transaction (it folds equal notifications of one transaction into one), and never for a transaction rolled back.
create or replace function samlyft.outbox_event_appended() returns trigger language plpgsql as $$
begin
    perform pg_notify('samlyft_outbox', '');
    return null;
end
$$;

drop trigger if exists outbox_event_appended on samlyft.outbox_event;
create trigger outbox_event_appended after insert on samlyft.outbox_event
    for each statement execute function samlyft.outbox_event_appended();
