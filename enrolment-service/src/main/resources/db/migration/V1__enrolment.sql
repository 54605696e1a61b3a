-- Enrolments, each belonging to the tenant that employs the participant. Row-level security shows a transaction
-- only the rows of the tenants named in its setting samlyft.tenant_ids; with no setting it shows nothing.
create table enrolment (
    id          uuid        primary key,
    tenant_id   text        not null,
    offering_id uuid        not null,
    person_id   uuid        not null,
    state       text        not null check (state in ('REQUESTED', 'AWAITING_APPROVAL', 'CONFIRMED', 'WAITLISTED',
                                                      'IN_PROGRESS', 'COMPLETED', 'WITHDRAWN', 'DECLINED',
                                                      'CANCELLED', 'NO_SHOW')),
    created_at  timestamptz not null default now()
);

create index enrolment_tenant_idx on enrolment (tenant_id);

alter table enrolment enable row level security;

create policy enrolment_tenant_scope on enrolment
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));
