-- The seat desk's two counts over one offering's enrolments, with the owner's rights like enrolment_waitlist_position:
-- the seats taken by organisation and source (counted once per transaction under the offering's lock), and how many
-- wait before a newcomer (once per person put on the waiting list). Both must count the enrolments of every
-- organisation on the offering, whoever asks: the seat work's scope names them all, and the policies' check of each
-- row against it (fifty tenants for a federation's joint offering, up to 500 rows under the lock in a rush) was the
-- largest part of what row-level security cost the enrolment transaction. Numbers only, of an offering whose seats
-- the caller is moving.

create function enrolment_seats_taken(offering uuid)
    returns table (tenant_id text, seat_source text, seats integer)
    language sql
    stable
    security definer
    set search_path = public, pg_temp
as $$
    select e.tenant_id, e.seat_source, count(*)::integer from enrolment e
    where e.offering_id = offering and e.seat_source is not null
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
$$;

revoke all on function enrolment_seats_taken(uuid) from public;
revoke all on function enrolment_waiting_before(uuid, bigint) from public;
grant execute on function enrolment_seats_taken(uuid) to "${approle}";
grant execute on function enrolment_waiting_before(uuid, bigint) to "${approle}";
