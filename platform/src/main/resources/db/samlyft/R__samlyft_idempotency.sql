-- Idempotency keys of creating requests (se.samlyft.platform.idempotency), in every service's own database.
--
-- A repeatable migration in the platform's location, so that each service gets the table without a versioned
-- migration that could collide with its own V1, V2, ... Flyway runs it again whenever this file changes, so every
-- statement must be safe to repeat: add columns with "add column if not exists", never drop data.
--
-- The table lives in the schema samlyft, apart from the service's own tables in public. Row-level security keeps a
-- transaction to the keys of the tenants in its setting samlyft.tenant_ids, as on the services' tables. Expired keys
-- of all tenants are deleted by purge_expired_idempotency_keys(), which runs with the owner's rights and does nothing
-- else. afterMigrate__samlyft_idempotency.sql grants the application's role its rights.
create schema if not exists samlyft;

create table if not exists samlyft.idempotency_key (
    tenant_id        text        not null,
    caller           text        not null,
    idempotency_key  text        not null,
    request_hash     bytea       not null,
    response_status  integer,
    response_headers text,
    response_body    bytea,
    locked_until     timestamptz,
    created_at       timestamptz not null default now(),
    expires_at       timestamptz not null,
    primary key (tenant_id, caller, idempotency_key)
);

comment on table samlyft.idempotency_key is
    'The first response to each POST with an Idempotency-Key, per tenant and caller, replayed to retries until expires_at. A row without response_status is a request still in flight, until locked_until.';

create index if not exists idempotency_key_expires_at_idx on samlyft.idempotency_key (expires_at);

alter table samlyft.idempotency_key enable row level security;

drop policy if exists idempotency_key_tenant_scope on samlyft.idempotency_key;
create policy idempotency_key_tenant_scope on samlyft.idempotency_key
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));

-- Every replica of a service calls it now and then; a transaction-scoped advisory lock lets one at a time delete, the
-- others return 0 at once.
create or replace function samlyft.purge_expired_idempotency_keys() returns integer
    language plpgsql
    security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    purged integer;
begin
    if not pg_try_advisory_xact_lock(hashtext('samlyft.idempotency_key.purge')) then
        return 0;
    end if;
    delete from samlyft.idempotency_key where expires_at <= now();
    get diagnostics purged = row_count;
    return purged;
end
$$;

revoke all on function samlyft.purge_expired_idempotency_keys() from public;
