-- Offerings: scheduled runs of a course, with an audience and, for a federation's offering, seat quotas per member.
-- An offering belongs to its owner, who alone may write it; it is also read by the organisations of its audience, so
-- its read policy admits the rows whose audience names a tenant of the scope. federation_membership is the catalog's
-- interim copy of which organisations belong to a federation, to be fed by identity's membership events (issue 5).
create table federation_membership (
    federation text not null,
    member     text not null,
    since      date not null,
    until      date check (until is null or until > since),
    primary key (federation, member, since)
);

insert into federation_membership (federation, member, since)
select 'akademi-norr', member, date '2020-08-01'
from unnest(array['arjeplog', 'arvidsjaur', 'dorotea', 'kramfors', 'lycksele', 'mala', 'norsjo', 'solleftea',
                  'sorsele', 'storuman', 'stromsund', 'vilhelmina', 'asele']) as member;

create table offering (
    id                  uuid        primary key,
    tenant_id           text        not null,
    course_id           uuid        not null references course (id),
    programme_id        uuid        references programme (id),
    enrolment_opens_at  timestamptz not null,
    enrolment_closes_at timestamptz not null check (enrolment_closes_at > enrolment_opens_at),
    starts_at           timestamptz not null check (starts_at >= enrolment_opens_at),
    ends_at             timestamptz not null check (ends_at > starts_at and ends_at >= enrolment_closes_at),
    online              boolean     not null,
    municipality_code   text        check (municipality_code ~ '^[0-9]{4}$'),
    venue               text,
    capacity            integer     not null check (capacity >= 1),
    approval_required   boolean     not null,
    paid_working_time   boolean     not null,
    audience            text        not null check (audience in ('OWN_STAFF', 'FEDERATION_MEMBERS', 'NAMED')),
    quota_release_at    timestamptz,
    status              text        not null check (status in ('SCHEDULED', 'CANCELLED')),
    version             bigint      not null check (version >= 1),
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    check (online or (municipality_code is not null and venue is not null))
);

create index offering_tenant_idx on offering (tenant_id);
create index offering_course_idx on offering (course_id);

-- The organisations whose staff may enrol, one row each; tenant_id is the offering's owner.
create table offering_audience (
    offering_id uuid not null references offering (id) on delete cascade,
    tenant_id   text not null,
    member      text not null,
    primary key (offering_id, member)
);

create index offering_audience_member_idx on offering_audience (member);

-- Seats held for one member organisation of a federation's offering; the pool is the capacity less all quotas.
create table offering_quota (
    offering_id uuid    not null references offering (id) on delete cascade,
    tenant_id   text    not null,
    member      text    not null,
    seats       integer not null check (seats >= 1),
    primary key (offering_id, member)
);

alter table offering enable row level security;
alter table offering_audience enable row level security;
alter table offering_quota enable row level security;

create policy offering_audience_read on offering_audience for select
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ','))
        or member = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));
create policy offering_audience_insert on offering_audience for insert
    with check (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));
create policy offering_audience_delete on offering_audience for delete
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));

create policy offering_read on offering for select
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ','))
        or exists (select 1 from offering_audience a
                   where a.offering_id = offering.id
                     and a.member = any (string_to_array(current_setting('samlyft.tenant_ids', true), ','))));
create policy offering_insert on offering for insert
    with check (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));
create policy offering_update on offering for update
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')))
    with check (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));

create policy offering_quota_read on offering_quota for select
    using (exists (select 1 from offering o where o.id = offering_quota.offering_id));
create policy offering_quota_insert on offering_quota for insert
    with check (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));
create policy offering_quota_delete on offering_quota for delete
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));
