-- The participation read model: one row per enrolment, in the tenant of the participant's employer. Row-level
-- security shows a transaction only the rows of the tenants named in its setting samlyft.tenant_ids.
create table participation (
    enrolment_id uuid        primary key,
    tenant_id    text        not null,
    offering_id  uuid        not null,
    state        text        not null,
    updated_at   timestamptz not null default now()
);

create index participation_tenant_idx on participation (tenant_id);

alter table participation enable row level security;

create policy participation_tenant_scope on participation
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));
