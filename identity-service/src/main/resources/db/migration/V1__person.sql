-- People, each employed by one tenant. Row-level security shows a transaction only the rows of the tenants named in
-- its setting samlyft.tenant_ids; with no setting it shows nothing.
create table person (
    id         uuid        primary key,
    tenant_id  text        not null,
    occupation text        not null check (length(trim(occupation)) > 0),
    created_at timestamptz not null default now()
);

create index person_tenant_idx on person (tenant_id);

alter table person enable row level security;

create policy person_tenant_scope on person
    using (tenant_id = any (string_to_array(current_setting('samlyft.tenant_ids', true), ',')));
