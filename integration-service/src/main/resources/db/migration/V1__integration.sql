-- integration-service: each organisation's feed of events, its webhook subscriptions, and the deliveries to them.
--
-- Every table is tenant-owned: row-level security keeps a transaction to the tenants of its setting
-- samlyft.tenant_ids, and the application's role owns none of them. The delivery workers of every replica find due
-- deliveries through claim_deliveries(), which runs with the owner's rights and answers delivery ids and tenants only;
-- everything else they read and write in each delivery's tenant scope.

-- The newest position of each tenant's feed. The row is locked by the transaction that stores the tenant's next event
-- until it commits, so positions are given in commit order and without gaps: a reader that has seen position n has
-- seen every event up to n. purged_through is the highest position the retention has deleted up to.
create table feed_head (
    tenant_id      text   primary key,
    last_position  bigint not null check (last_position >= 0),
    purged_through bigint not null default 0 check (purged_through >= 0)
);

-- The events of a tenant's feed, each as the structured CloudEvent (JSON) that webhooks and the feed deliver. An event
-- of one organisation about a federation's joint offering is in both feeds, once each.
create table feed_event (
    tenant_id     text        not null,
    position      bigint      not null check (position >= 1),
    event_id      text        not null,
    type          text        not null,
    aggregate_key text        not null,
    occurred_at   timestamptz not null,
    stored_at     timestamptz not null default now(),
    body          text        not null,
    primary key (tenant_id, position),
    unique (tenant_id, event_id)
);

create index feed_event_occurred_idx on feed_event (tenant_id, occurred_at);
create index feed_event_stored_idx on feed_event (tenant_id, stored_at);

-- A webhook subscription of one organisation: where to, which event types (exact types, or a prefix ending in .*),
-- and whether it is active or paused (with the reason the owner sees). start_position is the feed position it was
-- made at: it receives the events after it.
create table subscription (
    id             uuid        primary key,
    tenant_id      text        not null,
    target_url     text        not null,
    event_types    text[]      not null check (cardinality(event_types) >= 1),
    description    text,
    status         text        not null check (status in ('ACTIVE', 'PAUSED')),
    paused_reason  text,
    paused_at      timestamptz,
    start_position bigint      not null,
    created_at     timestamptz not null,
    created_by     text        not null,
    version        bigint      not null check (version >= 1)
);

create index subscription_tenant_idx on subscription (tenant_id, created_at);

-- The signing secrets of a subscription, encrypted with the service's key; the newest signs, and an older one keeps
-- signing beside it until expires_at, so that a receiver can switch without a gap.
create table subscription_secret (
    subscription_id uuid        not null references subscription (id) on delete cascade,
    tenant_id       text        not null,
    serial          integer     not null check (serial >= 1),
    secret          bytea       not null,
    created_at      timestamptz not null,
    expires_at      timestamptz,
    primary key (subscription_id, serial)
);

-- One event for one subscription. Deliveries of one aggregate to one subscription (a lane) go one at a time in
-- (position, seq) order: a delivery is claimed only when no earlier one of its lane is pending or failed. A replay
-- adds deliveries of events delivered before. next_attempt_at is 'infinity' while the subscription is paused.
create table delivery (
    id              uuid        primary key,
    seq             bigint      generated always as identity,
    tenant_id       text        not null,
    subscription_id uuid        not null references subscription (id) on delete cascade,
    position        bigint      not null,
    event_id        text        not null,
    aggregate_key   text        not null,
    status          text        not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    retry_from      timestamptz not null,
    leased_until    timestamptz,
    lease           uuid,
    last_status     integer,
    last_error      text,
    created_at      timestamptz not null,
    delivered_at    timestamptz,
    foreign key (tenant_id, position) references feed_event (tenant_id, position)
);

create index delivery_due_idx on delivery (next_attempt_at) where status = 'PENDING';
create index delivery_lane_idx on delivery (subscription_id, aggregate_key, position, seq)
    where status in ('PENDING', 'FAILED');
create index delivery_listing_idx on delivery (subscription_id, seq);
create index delivery_event_idx on delivery (tenant_id, position);

-- Each attempt of a delivery: when, how long, and what the receiver answered (or why there was no answer).
create table delivery_attempt (
    delivery_id uuid        not null references delivery (id) on delete cascade,
    tenant_id   text        not null,
    attempt     integer     not null check (attempt >= 1),
    started_at  timestamptz not null,
    duration_ms integer     not null check (duration_ms >= 0),
    status_code integer,
    error       text,
    primary key (delivery_id, attempt)
);

alter table feed_head enable row level security;
alter table feed_event enable row level security;
alter table subscription enable row level security;
alter table subscription_secret enable row level security;
alter table delivery enable row level security;
alter table delivery_attempt enable row level security;

create policy feed_head_tenant on feed_head
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')))
    with check (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));
create policy feed_event_tenant on feed_event
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')))
    with check (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));
create policy subscription_tenant on subscription
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')))
    with check (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));
create policy subscription_secret_tenant on subscription_secret
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')))
    with check (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));
create policy delivery_tenant on delivery
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')))
    with check (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));
create policy delivery_attempt_tenant on delivery_attempt
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')))
    with check (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));

-- Leases up to p_limit due deliveries to the caller for p_lease_seconds and answers their ids and tenants, nothing
-- else: a delivery is due when it is pending, its time has come, no other worker holds it, its subscription is active,
-- and it heads its lane. Several workers (threads or replicas) may call it at once: SKIP LOCKED gives each other rows.
create function claim_deliveries(p_limit integer, p_lease_seconds integer, p_lease uuid)
    returns table (delivery_id uuid, delivery_tenant text)
    language sql
    security definer
    set search_path = pg_catalog, public, pg_temp
as $$
    with due as (
        select d.id
        from delivery d
        join subscription s on s.id = d.subscription_id and s.status = 'ACTIVE'
        where d.status = 'PENDING'
          and d.next_attempt_at <= now()
          and (d.leased_until is null or d.leased_until < now())
          and not exists (
              select 1 from delivery e
              where e.subscription_id = d.subscription_id
                and e.aggregate_key = d.aggregate_key
                and e.status in ('PENDING', 'FAILED')
                and (e.position, e.seq) < (d.position, d.seq))
        order by d.next_attempt_at
        limit p_limit
        for update of d skip locked
    )
    update delivery d
    set leased_until = now() + make_interval(secs => p_lease_seconds), lease = p_lease
    from due
    where d.id = due.id
    returning d.id, d.tenant_id
$$;

revoke all on function claim_deliveries(integer, integer, uuid) from public;
grant execute on function claim_deliveries(integer, integer, uuid) to "${approle}";

-- The tenants whose feeds hold events stored before p_cutoff, for the retention sweep, which then purges each in its
-- own scope. Answers tenant ids only.
create function tenants_with_events_before(p_cutoff timestamptz)
    returns setof text
    language sql
    security definer
    set search_path = pg_catalog, public, pg_temp
as $$
    select h.tenant_id from feed_head h
    where exists (select 1 from feed_event e where e.tenant_id = h.tenant_id and e.stored_at < p_cutoff)
$$;

revoke all on function tenants_with_events_before(timestamptz) from public;
grant execute on function tenants_with_events_before(timestamptz) to "${approle}";
