-- The inbox test application's projection of courses, held by row-level security like every service's tenant table.
create table course_view (
    id        uuid   primary key,
    tenant_id text   not null,
    version   bigint not null,
    title     text   not null
);

alter table course_view enable row level security;

create policy course_view_tenant_scope on course_view
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));

-- Shared reference data of no tenant, which an event without a tenant may change.
create table occupation (
    code text primary key,
    name text not null
);
