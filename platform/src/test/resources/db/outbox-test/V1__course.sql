-- The state that the outbox tests change together with their events: courses of several tenants, under row-level
-- security as in the services.
create table course (
    id        uuid    primary key,
    tenant_id text    not null,
    title     text    not null,
    version   integer not null
);

alter table course enable row level security;

create policy course_tenant_scope on course
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));
