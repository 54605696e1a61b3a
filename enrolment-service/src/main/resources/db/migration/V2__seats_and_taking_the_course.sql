-- The local copies of the catalog's offerings and courses and of identity's people, built from their events, and the
-- enrolment itself: its seat, approval, progress, monthly time statements and evaluation.
--
-- Row-level security as everywhere: a transaction sees the rows of the tenants in its setting samlyft.tenant_ids.
-- An offering (and its course) is also read by the organisations of its audience. Everything that moves seats runs
-- in the scope of the offering's owner, audience and enrolled organisations (enrolment_offering_scope), because a
-- seat freed by one municipality may go to the first person waiting from another.

create table offering (
    id                         uuid        primary key,
    tenant_id                  text        not null,
    course_id                  uuid        not null,
    programme_id               uuid,
    enrolment_opens_at         timestamptz not null,
    enrolment_closes_at        timestamptz not null,
    starts_at                  timestamptz not null,
    ends_at                    timestamptz not null,
    capacity                   integer     not null check (capacity >= 1),
    pool                       integer     not null check (pool >= 0),
    quotas                     text        not null default '{}',
    quota_release_at           timestamptz,
    audience                   text[]      not null,
    approval_required          boolean     not null,
    paid_working_time          boolean     not null,
    cancelled                  boolean     not null default false,
    version                    bigint      not null check (version >= 1),
    enrolled_tenants           text[]      not null default '{}',
    quota_release_handled_at   timestamptz,
    updated_at                 timestamptz not null default now()
);

comment on column offering.quotas is
    'The seats held for member organisations until the quotas are released, as a JSON object from tenant id to seats.';
comment on column offering.enrolled_tenants is
    'Every organisation that has an enrolment on the offering, so that moving seats sees all of them even after the audience changed.';
comment on column offering.quota_release_handled_at is
    'When the waiting list was last promoted because the quotas were released; the sweep promotes once per release time.';

create index offering_tenant_idx on offering (tenant_id);
create index offering_audience_idx on offering using gin (audience);

create table course (
    id           uuid    primary key,
    tenant_id    text    not null,
    format       text    check (format in ('SELF_PACED_DIGITAL', 'LIVE_ONLINE', 'CLASSROOM', 'WORKPLACE_BASED', 'BLENDED')),
    module_count integer check (module_count >= 0),
    version      bigint  not null check (version >= 1)
);

create table person (
    id            uuid    primary key,
    tenant_id     text    not null,
    workplace_id  text,
    manager_id    uuid,
    status        text    not null check (status in ('ACTIVE', 'LEFT', 'ERASED')),
    version       bigint  not null check (version >= 1)
);

create index person_tenant_idx on person (tenant_id);

create sequence enrolment_arrival_seq;

alter table enrolment
    add column course_id          uuid,
    add column offering_owner     text,
    add column programme_id       uuid,
    add column requested_by       text   not null default 'SELF' check (requested_by in ('SELF', 'COORDINATOR')),
    add column arrival            bigint not null default nextval('enrolment_arrival_seq'),
    add column seat_source        text   check (seat_source in ('QUOTA', 'POOL')),
    add column hold_until         timestamptz,
    add column decline_reason     text,
    add column paused             boolean not null default false,
    add column modules_completed  integer not null default 0 check (modules_completed >= 0),
    add column resume_at          text,
    add column milestone          integer not null default 0 check (milestone in (0, 25, 50, 75, 100)),
    add column usefulness         integer check (usefulness between 1 and 5),
    add column evaluation_comment text,
    add column version            bigint  not null default 1 check (version >= 1),
    add column updated_at         timestamptz not null default now(),
    add constraint enrolment_seat_held check (
        (seat_source is not null) = (state in ('AWAITING_APPROVAL', 'CONFIRMED', 'IN_PROGRESS', 'COMPLETED', 'NO_SHOW')));

-- A person has at most one live enrolment per offering; a retried or repeated request cannot make a second one.
create unique index enrolment_one_live_per_person on enrolment (offering_id, person_id)
    where state in ('REQUESTED', 'AWAITING_APPROVAL', 'CONFIRMED', 'WAITLISTED', 'IN_PROGRESS');
create index enrolment_offering_idx on enrolment (offering_id, state, arrival);
create index enrolment_person_idx on enrolment (person_id);
create index enrolment_hold_idx on enrolment (hold_until) where state = 'AWAITING_APPROVAL';

-- One confirmed statement per enrolment and calendar month; a correction raises the revision.
create table time_statement (
    enrolment_id            uuid          not null references enrolment (id),
    month                   text          not null check (month ~ '^[0-9]{4}-[0-9]{2}$'),
    tenant_id               text          not null,
    hours                   numeric(5, 2) not null check (hours >= 0),
    paid_working_time_hours numeric(5, 2) not null check (paid_working_time_hours >= 0 and paid_working_time_hours <= hours),
    revision                integer       not null check (revision >= 1),
    confirmed_at            timestamptz   not null,
    primary key (enrolment_id, month)
);

alter table offering enable row level security;
alter table course enable row level security;
alter table person enable row level security;
alter table time_statement enable row level security;

create policy offering_read on offering for select
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ','))
        or audience && string_to_array(current_setting('samlyft.tenant_ids', true), ','));
create policy offering_insert on offering for insert
    with check (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));
create policy offering_update on offering for update
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')))
    with check (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));

create policy course_read on course for select
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ','))
        or exists (select 1 from offering o where o.course_id = course.id));
create policy course_insert on course for insert
    with check (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));
create policy course_update on course for update
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')))
    with check (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));

create policy person_tenant_scope on person
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));

create policy time_statement_tenant_scope on time_statement
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));

-- The tenants whose rows moving the seats of one offering touches: its owner, its audience and every organisation
-- with an enrolment on it. It returns tenant ids only, and runs with the owner's rights so that it can be asked
-- before the scope is known; null for an unknown offering.
create function enrolment_offering_scope(offering uuid) returns text[]
    language sql
    stable
    security definer
    set search_path = public, pg_temp
as $$
    select array(select distinct t from unnest(array[o.tenant_id] || o.audience || o.enrolled_tenants) as t order by t)
    from offering o where o.id = offering
$$;

-- The offerings whose seats need the sweep at a time: a seat held for approval past its hold, or quotas released
-- (at quota_release_at, else when enrolment closes) and not yet handled for that release time. Ids only.
create function enrolment_offerings_due(at timestamptz) returns setof uuid
    language sql
    stable
    security definer
    set search_path = public, pg_temp
as $$
    select o.id from offering o
    where not o.cancelled
      and (coalesce(o.quota_release_at, o.enrolment_closes_at) <= at
           and (o.quota_release_handled_at is null
                or o.quota_release_handled_at < coalesce(o.quota_release_at, o.enrolment_closes_at)))
    union
    select distinct e.offering_id from enrolment e
    where e.state = 'AWAITING_APPROVAL' and e.hold_until <= at
$$;

revoke all on function enrolment_offering_scope(uuid) from public;
revoke all on function enrolment_offerings_due(timestamptz) from public;
grant execute on function enrolment_offering_scope(uuid) to "${approle}";
grant execute on function enrolment_offerings_due(timestamptz) to "${approle}";

-- A waiting enrolment's place on its offering's waiting list, counting the people of every organisation ahead of it;
-- null when it is not waiting. A number only, for an enrolment the caller may read.
create function enrolment_waitlist_position(enrolment_id uuid) returns integer
    language sql
    stable
    security definer
    set search_path = public, pg_temp
as $$
    select case when e.state = 'WAITLISTED' then
               (select count(*)::integer + 1 from enrolment w
                where w.offering_id = e.offering_id and w.state = 'WAITLISTED' and w.arrival < e.arrival)
           end
    from enrolment e where e.id = enrolment_id
$$;

revoke all on function enrolment_waitlist_position(uuid) from public;
grant execute on function enrolment_waitlist_position(uuid) to "${approle}";
