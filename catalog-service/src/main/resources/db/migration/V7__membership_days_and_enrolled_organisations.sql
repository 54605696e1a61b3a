-- Membership changes on their own days: the day up to which each federation's running offerings were resolved against
-- its membership, so that a join or a leave dated in the future reaches them when its day comes.
alter table federation_membership_version add column resolved_on date;

-- The organisations with an enrolment on an offering, from enrolment-service's events (each event names the person's
-- organisation). They keep reading the offering and its course after they have left its audience (a municipality
-- that left the federation, an offering that was cancelled), so their people still see what they enrolled in.
create table offering_enrolled_member (
    offering_id uuid not null references offering (id) on delete cascade,
    tenant_id   text not null,
    member      text not null,
    primary key (offering_id, member)
);

create index offering_enrolled_member_member_idx on offering_enrolled_member (member);

alter table offering_enrolled_member enable row level security;

create policy offering_enrolled_member_read on offering_enrolled_member for select
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ','))
        or member = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));
create policy offering_enrolled_member_insert on offering_enrolled_member for insert
    with check (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));

drop policy offering_read on offering;
create policy offering_read on offering for select
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ','))
        or exists (select 1 from offering_audience a
                   where a.offering_id = offering.id
                     and a.member = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')))
        or exists (select 1 from offering_enrolled_member m
                   where m.offering_id = offering.id
                     and m.member = any (string_to_array(current_setting('samlyft.tenant_ids', true), ','))));

drop policy course_read on course;
create policy course_read on course for select
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ','))
        or (status = 'PUBLISHED'
            and exists (select 1 from offering o
                        join offering_audience a on a.offering_id = o.id
                        where o.course_id = course.id
                          and o.status = 'SCHEDULED'
                          and a.member = any (string_to_array(current_setting('samlyft.tenant_ids', true), ','))))
        or exists (select 1 from offering o
                   join offering_enrolled_member m on m.offering_id = o.id
                   where o.course_id = course.id
                     and m.member = any (string_to_array(current_setting('samlyft.tenant_ids', true), ','))));
