-- The policies go back to naming the scope as an expression the planner can read (V2's form). V3 put the scope in a
-- scalar subquery so that it is evaluated once per query rather than once per row; but then the planner cannot know
-- which tenants it names, estimates the policy's test blind (a few per cent of the rows), multiplies that with the
-- query's own scope, and plans the reports' joins for a few hundred rows where a federation reads hundreds of
-- thousands (for example hashing 63 000 people instead of the month's 14 000 enrolments). With the scope-led covering
-- indexes of V3 the policy's test is an index condition in every report, evaluated once per scan either way, and
-- PostgreSQL estimates current_setting() from its value at planning time. Measured in the service's README.
do $$
declare
    t text;
begin
    foreach t in array array['organisation', 'federation', 'federation_member', 'programme', 'person', 'enrolment',
                             'time_statement'] loop
        execute format($p$alter policy %1$s_tenant_scope on %1$s
            using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')))$p$, t);
    end loop;
end
$$;
