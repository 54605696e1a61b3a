-- Courses, each owned by one tenant. Row-level security shows a transaction only the rows of the tenants named in
-- its setting samlyft.tenant_ids; with no setting it shows nothing.
create table course (
    id         uuid        primary key,
    tenant_id  text        not null,
    title      text        not null check (length(trim(title)) > 0),
    status     text        not null check (status in ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    created_at timestamptz not null default now()
);

create index course_tenant_idx on course (tenant_id);

alter table course enable row level security;

create policy course_tenant_scope on course
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));
