-- The reports read enrolments, people and time statements through V3's covering indexes led by generation and scope.
-- V2's single-column indexes on tenant_id serve no statement of the service (every one names the generation), but
-- under the policies they lure the planner: it counts the scope twice (the query's and the policy's, as if
-- independent), expects a row or two, and reads the region's enrolments through enrolment_tenant_idx and their rows
-- in the table (3,700 pages) instead of the covering index alone (450 pages), as it does with the policies off.
-- The largest federation's October report at the bench's scale, started in the month: 24-35 ms with the policies on
-- against 9-11 ms off before, 9-10 against 9-10 ms after. One index less to write per row, too.
drop index enrolment_tenant_idx;
drop index person_tenant_idx;
drop index time_statement_tenant_idx;
