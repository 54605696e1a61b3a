-- The full course model: description, themes, target occupations, format, ordered modules, formal or not, language
-- and a version for optimistic concurrency; a Swedish full-text search vector (title weighted above description);
-- and funded programmes. Every tenant-owned table has the same row-level security policy as course in V1.
alter table course
    add column description        text        not null default '',
    add column themes             text[]      not null default '{}',
    add column target_occupations text[]      not null default '{}',
    add column format             text        not null default 'SELF_PACED_DIGITAL'
        check (format in ('SELF_PACED_DIGITAL', 'LIVE_ONLINE', 'CLASSROOM', 'WORKPLACE_BASED', 'BLENDED')),
    add column formal             boolean     not null default false,
    add column language           text        not null default 'sv' check (language ~ '^[a-z]{2}$'),
    add column estimated_minutes  integer     not null default 0 check (estimated_minutes >= 0),
    add column version            bigint      not null default 1 check (version >= 1),
    add column updated_at         timestamptz not null default now(),
    add column search_vector      tsvector generated always as (
        setweight(to_tsvector('swedish'::regconfig, title), 'A')
            || setweight(to_tsvector('swedish'::regconfig, description), 'B')) stored;

create index course_search_idx on course using gin (search_vector);
create index course_themes_idx on course using gin (themes);
create index course_target_occupations_idx on course using gin (target_occupations);

create table course_module (
    course_id         uuid    not null references course (id) on delete cascade,
    position          integer not null check (position >= 0),
    tenant_id         text    not null,
    title             text    not null check (length(trim(title)) > 0),
    estimated_minutes integer not null check (estimated_minutes > 0),
    primary key (course_id, position)
);

create index course_module_tenant_idx on course_module (tenant_id);

alter table course_module enable row level security;

create policy course_module_tenant_scope on course_module
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));

create table programme (
    id                       uuid          primary key,
    tenant_id                text          not null,
    number                   text          not null check (length(trim(number)) > 0),
    name                     text          not null check (length(trim(name)) > 0),
    funder                   text          not null check (funder in ('ESF', 'STATE_GRANT', 'OTHER')),
    region                   text          not null,
    start_date               date          not null,
    end_date                 date          not null check (end_date >= start_date),
    total_budget_sek         bigint        not null check (total_budget_sek >= 0),
    grant_sek                bigint        not null check (grant_sek >= 0 and grant_sek <= total_budget_sek),
    co_financing_rate        numeric(5, 2) not null check (co_financing_rate between 0 and 100),
    planned_participants     integer       not null check (planned_participants > 0),
    programme_area           text,
    specific_objective       text,
    intervention_type        text,
    version                  bigint        not null check (version >= 1),
    created_at               timestamptz   not null default now(),
    updated_at               timestamptz   not null default now(),
    unique (tenant_id, number)
);

alter table programme enable row level security;

create policy programme_tenant_scope on programme
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));
