-- The seat desk's two counts over one offering's enrolments, with the owner's rights like enrolment_waitlist_position:
-- the seats taken by organisation and source (counted once per transaction under the offering's lock), and how many
-- wait before a newcomer (once per person put on the waiting list). Both must count the enrolments of every
-- organisation on the offering, whoever asks: the seat work's scope names them all, and the policies' check of each
-- row against it (fifty tenants for a federation's joint offering, up to 500 rows under the lock in a rush) was the
-- largest part of what row-level security cost the enrolment transaction. Numbers only, and only of an offering the
-- transaction's scope may read (its owner or a member of its audience, as offering_read has it); nothing otherwise.

-- Whether the transaction's scope may read the offering: offering_read's condition, asked once per call.
create function enrolment_offering_readable(offering uuid) returns boolean
    language sql
    stable
    security definer
    set search_path = public, pg_temp
as $$
    select exists (
        select 1 from offering o, string_to_array(current_setting('samlyft.tenant_ids', true), ',') as scope
        where o.id = offering and (o.tenant_id = any (scope) or o.audience && scope))
$$;

create function enrolment_seats_taken(offering uuid)
    returns table (tenant_id text, seat_source text, seats integer)
    language sql
    stable
    security definer
    set search_path = public, pg_temp
as $$
    select e.tenant_id, e.seat_source, count(*)::integer from enrolment e
    where e.offering_id = offering and e.seat_source is not null
      and enrolment_offering_readable(offering)
    group by e.tenant_id, e.seat_source
$$;

create function enrolment_waiting_before(offering uuid, arrival bigint) returns integer
    language sql
    stable
    security definer
    set search_path = public, pg_temp
as $$
    select count(*)::integer from enrolment e
    where e.offering_id = offering and e.state = 'WAITLISTED' and e.arrival < enrolment_waiting_before.arrival
      and enrolment_offering_readable(offering)
$$;

revoke all on function enrolment_offering_readable(uuid) from public;
revoke all on function enrolment_seats_taken(uuid) from public;
revoke all on function enrolment_waiting_before(uuid, bigint) from public;
grant execute on function enrolment_seats_taken(uuid) to "${approle}";
grant execute on function enrolment_waiting_before(uuid, bigint) to "${approle}";
