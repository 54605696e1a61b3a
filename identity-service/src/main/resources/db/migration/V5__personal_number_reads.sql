-- Every read of a personal identity number: whose number (person_id, in the person's organisation tenant_id), who read
-- it (the token's user name and, for a person of the platform, their person id) in which capacity, for what, and when.
-- Only the person themself and their organisation's coordinators read a number, through the person's export; each such
-- read is recorded here before the number is shown. The organisation's coordinators and the person read the log; no
-- one changes it. The rows outlive an erasure of the person: they name an id only, never the number.
create table personal_number_read (
    id             uuid        primary key,
    tenant_id      text        not null,
    person_id      uuid        not null,
    read_at        timestamptz not null,
    reader         text        not null,
    reader_person  uuid,
    reader_role    text        not null check (reader_role in ('THE_PERSON', 'COORDINATOR')),
    purpose        text        not null check (purpose in ('EXPORT'))
);

create index personal_number_read_person_idx on personal_number_read (tenant_id, person_id, read_at);
create index personal_number_read_time_idx on personal_number_read (tenant_id, read_at);

alter table personal_number_read enable row level security;

create policy personal_number_read_tenant_scope on personal_number_read
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));

-- The log is appended to and read, never changed or deleted by the application.
create or replace function personal_number_read_is_append_only() returns trigger
    language plpgsql
as $$
begin
    raise exception 'The log of personal identity number reads is append-only';
end
$$;

create trigger personal_number_read_append_only
    before update or delete on personal_number_read
    for each row execute function personal_number_read_is_append_only();
