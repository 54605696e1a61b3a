-- What the catalog learns from other services' events.
-- Federation membership now comes from identity-service's federation-membership-changed events: each replaces the
-- federation's rows with the history it carries, and the version keeps an older event from undoing a newer one.
-- The rows seeded by V3 stand until the first event for the federation arrives.
create table federation_membership_version (
    federation text   primary key,
    version    bigint not null check (version >= 1)
);

-- Seats taken, from enrolment-service's events: one row per enrolment of an offering, with whether it holds a seat
-- in its latest known state; the offering's seats_taken is the count of those that do, kept in step in the same
-- transaction. Rows belong to the offering's owner.
alter table offering add column seats_taken integer not null default 0 check (seats_taken >= 0);

create table offering_seat_holder (
    enrolment_id uuid    primary key,
    offering_id  uuid    not null references offering (id) on delete cascade,
    tenant_id    text    not null,
    holds_seat   boolean not null,
    version      bigint  not null check (version >= 1)
);

create index offering_seat_holder_offering_idx on offering_seat_holder (offering_id);

alter table offering_seat_holder enable row level security;

create policy offering_seat_holder_owner on offering_seat_holder
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')))
    with check (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));
