-- The register of organisations (the tenants themselves) and federation membership over time. Both are the public
-- facts of the installation that every service learns from identity's events (names, organisation numbers,
-- municipality codes, who belongs to which federation), so they have no tenant_id and no row-level security; the API
-- decides who may change them. The personal data of an organisation, its contact persons, is tenant-owned below.
create table organisation (
    slug                text        primary key check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 63),
    kind                text        not null check (kind in ('MUNICIPALITY', 'COUNTY_COUNCIL', 'PRIVATE_PROVIDER',
                                                             'FEDERATION')),
    name                text        not null check (length(trim(name)) > 0),
    organisation_number text        not null unique check (organisation_number ~ '^[0-9]{6}-[0-9]{4}$'),
    municipality_code   text        unique check (municipality_code ~ '^[0-9]{4}$'),
    version             bigint      not null check (version >= 1),
    registered_at       timestamptz not null,
    updated_at          timestamptz not null,
    check ((kind = 'MUNICIPALITY') = (municipality_code is not null))
);

-- A member's periods in a federation; left_on is the exclusive end, null while it is still a member.
create table federation_membership (
    federation text not null references organisation (slug),
    member     text not null references organisation (slug),
    joined_on  date not null,
    left_on    date check (left_on is null or left_on > joined_on),
    primary key (federation, member, joined_on),
    check (federation <> member)
);

-- The version of a federation's membership, raised by every change, carried by its membership event; 0 before the
-- first member joins.
create table federation (
    slug    text   primary key references organisation (slug),
    version bigint not null check (version >= 0)
);

-- The named contact persons of an organisation.
create table organisation_contact (
    id        uuid primary key,
    tenant_id text not null references organisation (slug),
    name      text not null check (length(trim(name)) > 0),
    role      text,
    email     text not null,
    phone     text,
    position  integer not null
);

create index organisation_contact_tenant_idx on organisation_contact (tenant_id);

alter table organisation_contact enable row level security;

create policy organisation_contact_tenant_scope on organisation_contact
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));

-- People: one row per employment (a person employed by two organisations is two people, one in each tenant).
alter table person
    add column given_name             text,
    add column family_name            text,
    add column email                  text,
    add column personal_number_cipher bytea,
    add column workplace_id           text check (workplace_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    add column workplace_name         text,
    add column manager_id             uuid references person (id),
    add column sex                    text check (sex in ('WOMAN', 'MAN', 'NON_BINARY', 'NOT_STATED')),
    add column birth_year             integer check (birth_year between 1900 and 2100),
    add column education_level        text check (education_level in ('ISCED_0_2', 'ISCED_3_4', 'ISCED_5_8',
                                                                       'NOT_STATED')),
    add column roles                  text[] not null default '{}',
    add column status                 text not null default 'EMPLOYED' check (status in ('EMPLOYED', 'LEFT')),
    add column left_on                date,
    add column version                bigint not null default 1 check (version >= 1),
    add column updated_at             timestamptz not null default now();

alter table person drop constraint if exists person_occupation_check;
alter table person add constraint person_occupation_check
    check (occupation in ('ASSISTANT_NURSE', 'CARE_AIDE', 'PERSONAL_ASSISTANT', 'NURSE', 'MANAGER', 'OTHER'));

create unique index person_email_per_tenant on person (tenant_id, lower(email));
create index person_manager_idx on person (manager_id);

-- What remains of an erased person: the id and the version its erasure event carried, so that a later event about
-- the id can never look newer. No name, address, number or attribute.
create table erased_person (
    id        uuid        primary key,
    tenant_id text        not null,
    version   bigint      not null,
    erased_at timestamptz not null
);

alter table erased_person enable row level security;

create policy erased_person_tenant_scope on erased_person
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));

-- HR imports: who ran which, how far it came and how it ended. Only counts and row numbers, never the file's data.
create table hr_import (
    id             uuid        primary key,
    tenant_id      text        not null,
    dry_run        boolean     not null,
    status         text        not null check (status in ('RUNNING', 'APPLIED', 'CHECKED', 'REFUSED')),
    total_rows     integer     not null default 0,
    processed_rows integer     not null default 0,
    created        integer     not null default 0,
    changed        integer     not null default 0,
    unchanged      integer     not null default 0,
    problem_rows   integer     not null default 0,
    started_at     timestamptz not null,
    finished_at    timestamptz
);

alter table hr_import enable row level security;

create policy hr_import_tenant_scope on hr_import
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));

-- Keycloak provisioning waiting to be done, like the outbox a queue of ids without personal data, processed for
-- every tenant by the provisioning worker. One row per subject: a newer change of the same subject raises the
-- generation, so a worker that synchronised an older state leaves the row for another round.
create table provisioning_task (
    id              bigint      generated always as identity primary key,
    kind            text        not null check (kind in ('ORGANISATION', 'PERSON', 'ERASED_PERSON')),
    subject         text        not null,
    organisation    text        not null,
    generation      bigint      not null default 1,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    created_at      timestamptz not null default now(),
    unique (kind, subject)
);

create index provisioning_task_due_idx on provisioning_task (next_attempt_at);
