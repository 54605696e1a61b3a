-- A course is also read by the organisations that may enrol in it: besides its owner, a tenant of the scope reads a
-- published course with a scheduled offering whose audience names that tenant, and the modules of any course it may
-- read. A cancelled offering no longer shows its course. Only the owner inserts, updates and deletes. The policies do
-- not recurse: course looks at offering and offering_audience, course_module at course, and neither offering policy
-- looks at course or course_module.
drop policy course_tenant_scope on course;

create policy course_read on course for select
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ','))
        or (status = 'PUBLISHED'
            and exists (select 1 from offering o
                        join offering_audience a on a.offering_id = o.id
                        where o.course_id = course.id
                          and o.status = 'SCHEDULED'
                          and a.member = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')))));
create policy course_insert on course for insert
    with check (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));
create policy course_update on course for update
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')))
    with check (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));
create policy course_delete on course for delete
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));

drop policy course_module_tenant_scope on course_module;

create policy course_module_read on course_module for select
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ','))
        or exists (select 1 from course c where c.id = course_module.course_id));
create policy course_module_insert on course_module for insert
    with check (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));
create policy course_module_update on course_module for update
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')))
    with check (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));
create policy course_module_delete on course_module for delete
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));
