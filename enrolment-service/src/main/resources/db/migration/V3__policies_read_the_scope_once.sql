-- The same policies as before, in a form that reads the transaction's tenant scope once per statement instead of once
-- per row: the setting wrapped in a scalar subquery, (select string_to_array(current_setting(...), ','))::text[], is an init
-- plan that PostgreSQL evaluates once, where the bare call is parsed again for every row the statement looks at (every
-- enrolment counted under an offering's lock, every one on its waiting list). Who sees which row does not change.
--
-- And an index for course_read's "exists (select 1 from offering o where o.course_id = course.id)", which otherwise
-- reads every offering for each course it checks.

alter policy enrolment_tenant_scope on enrolment
    using (tenant_id = any ((select string_to_array(current_setting('samlyft.tenant_ids', true), ','))::text[]));

alter policy offering_read on offering
    using (tenant_id = any ((select string_to_array(current_setting('samlyft.tenant_ids', true), ','))::text[])
        or audience && (select string_to_array(current_setting('samlyft.tenant_ids', true), ',')));
alter policy offering_insert on offering
    with check (tenant_id = any ((select string_to_array(current_setting('samlyft.tenant_ids', true), ','))::text[]));
alter policy offering_update on offering
    using (tenant_id = any ((select string_to_array(current_setting('samlyft.tenant_ids', true), ','))::text[]))
    with check (tenant_id = any ((select string_to_array(current_setting('samlyft.tenant_ids', true), ','))::text[]));

alter policy course_read on course
    using (tenant_id = any ((select string_to_array(current_setting('samlyft.tenant_ids', true), ','))::text[])
        or exists (select 1 from offering o where o.course_id = course.id));
alter policy course_insert on course
    with check (tenant_id = any ((select string_to_array(current_setting('samlyft.tenant_ids', true), ','))::text[]));
alter policy course_update on course
    using (tenant_id = any ((select string_to_array(current_setting('samlyft.tenant_ids', true), ','))::text[]))
    with check (tenant_id = any ((select string_to_array(current_setting('samlyft.tenant_ids', true), ','))::text[]));

alter policy person_tenant_scope on person
    using (tenant_id = any ((select string_to_array(current_setting('samlyft.tenant_ids', true), ','))::text[]));

alter policy time_statement_tenant_scope on time_statement
    using (tenant_id = any ((select string_to_array(current_setting('samlyft.tenant_ids', true), ','))::text[]));

create index offering_course_idx on offering (course_id);
