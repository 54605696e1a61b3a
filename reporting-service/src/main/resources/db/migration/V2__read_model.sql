-- The read model, built only from the catalog's, identity's and enrolment's events. Every row belongs to a generation:
-- the reports read the current one, and a rebuild fills the next one from the start of the topics while the current
-- one keeps answering, then switches over (read_model). Every tenant-owned table has row-level security with a policy
-- on the tenants named in the transaction's setting samlyft.tenant_ids; the tenant of a row is the tenant of the event
-- that wrote it (the person's organisation, the programme's owner, the federation).
drop table participation;

-- Which generation the reports read, and which one a rebuild is filling. One row.
create table read_model (
    id                  boolean     primary key default true check (id),
    current_generation  integer     not null check (current_generation >= 1),
    building_generation integer     check (building_generation > current_generation),
    building_since      timestamptz,
    switched_at         timestamptz
);

insert into read_model (current_generation) values (1);

-- The tenants the read model has rows of, so that a retired generation can be deleted in a scope of all of them. Slugs
-- only, no tenant's data.
create table read_model_tenant (
    tenant text primary key check (tenant ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);

-- The age band of an age in whole years, as the reports show it.
create function reporting_age_band(age integer) returns text
    language sql immutable
    return case
        when age is null then null
        when age < 25 then '<25'
        when age < 35 then '25-34'
        when age < 45 then '35-44'
        when age < 55 then '45-54'
        when age < 65 then '55-64'
        else '65+'
    end;

-- Organisations from identity's organisation events; employer tells municipal, regional and private employers apart.
create table organisation (
    generation        integer not null,
    tenant_id         text    not null,
    version           bigint  not null check (version >= 1),
    kind              text    not null,
    name              text    not null,
    organisation_number text  not null,
    employer          text    not null check (employer in ('MUNICIPAL', 'REGIONAL', 'PRIVATE', 'NONE')),
    municipality_code text,
    primary key (generation, tenant_id)
);

-- A federation's membership history, replaced as a whole by each newer membership event; tenant_id is the federation.
create table federation (
    generation integer not null,
    tenant_id  text    not null,
    version    bigint  not null check (version >= 1),
    primary key (generation, tenant_id)
);

create table federation_member (
    generation integer not null,
    tenant_id  text    not null,
    member     text    not null,
    joined_on  date    not null,
    left_on    date    check (left_on is null or left_on > joined_on),
    primary key (generation, tenant_id, member, joined_on)
);

-- Funded programmes from the catalog's programme events; tenant_id is the owner.
create table programme (
    generation           integer not null,
    programme_id         uuid    not null,
    tenant_id            text    not null,
    version              bigint  not null check (version >= 1),
    number               text    not null,
    name                 text    not null,
    funder               text    not null,
    start_date           date    not null,
    end_date             date    not null,
    planned_participants integer not null check (planned_participants >= 1),
    primary key (generation, programme_id)
);

-- People, keyed by a pseudonym (participant) that the service derives from the person id with a secret key. Erasure
-- drops the person id and the birth year and keeps what the aggregates count: organisation, workplace, occupation,
-- sex and education. tenant_id is the person's organisation.
create table person (
    generation      integer     not null,
    participant     uuid        not null,
    tenant_id       text        not null,
    version         bigint      not null check (version >= 1),
    person_id       uuid,
    workplace_id    text,
    workplace_name  text,
    occupation      text,
    sex             text,
    birth_year      integer,
    education_level text,
    left_on         date,
    erased_at       timestamptz,
    primary key (generation, participant),
    check (erased_at is null or (person_id is null and birth_year is null))
);

-- Enrolments: the newest state, and the facts that never go back (requested, started, ended, evaluation). The age band
-- is fixed from the birth year and the year of the request, so it survives the person's erasure. tenant_id is the
-- person's organisation.
create table enrolment (
    generation     integer not null,
    enrolment_id   uuid    not null,
    tenant_id      text    not null,
    version        bigint  not null check (version >= 1),
    participant    uuid    not null,
    offering_id    uuid    not null,
    course_id      uuid    not null,
    offering_owner text    not null,
    programme_id   uuid,
    state          text    not null,
    requested_on   date    not null,
    started_on     date,
    ended_on       date,
    age_band       text,
    usefulness     integer check (usefulness between 1 and 5),
    primary key (generation, enrolment_id)
);

create index enrolment_participant_idx on enrolment (generation, participant);
create index enrolment_programme_idx on enrolment (generation, programme_id);

-- Confirmed hours per enrolment and month, the newest revision; a revision above 1 corrects a month already
-- confirmed. tenant_id is the person's organisation.
create table time_statement (
    generation     integer       not null,
    enrolment_id   uuid          not null,
    month          text          not null check (month ~ '^[0-9]{4}-[0-9]{2}$'),
    tenant_id      text          not null,
    participant    uuid          not null,
    revision       integer       not null check (revision >= 1),
    hours          numeric(8, 2) not null check (hours >= 0),
    paid_hours     numeric(8, 2) not null check (paid_hours >= 0 and paid_hours <= hours),
    confirmed_at   timestamptz   not null,
    primary key (generation, enrolment_id, month)
);

do $$
declare
    t text;
begin
    foreach t in array array['organisation', 'federation', 'federation_member', 'programme', 'person', 'enrolment',
                             'time_statement'] loop
        execute format('create index %1$s_tenant_idx on %1$s (tenant_id)', t);
        execute format('alter table %s enable row level security', t);
        execute format($p$create policy %1$s_tenant_scope on %1$s
            using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')))$p$, t);
    end loop;
end
$$;
