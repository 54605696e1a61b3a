-- A programme names its partner organisations (a municipality's project with a private care provider): offerings it
-- funds may be offered to them without a federation.
alter table programme add column partners text[] not null default '{}';

-- The scheduled offerings a programme funds that start or end outside a period (days in Sweden), whoever owns them: a
-- federation's offering may be funded by a member's programme, and the member amending its programme's period must
-- learn of it. Ids only, with the owner's rights, for a programme the caller has already found in its own scope.
create function catalog_programme_offerings_outside(programme uuid, first_day date, last_day date) returns setof uuid
    language sql
    stable
    security definer
    set search_path = public, pg_temp
as $$
    select o.id from offering o
    where o.programme_id = programme
      and o.status = 'SCHEDULED'
      and ((o.starts_at at time zone 'Europe/Stockholm')::date < first_day
           or (o.ends_at at time zone 'Europe/Stockholm')::date > last_day)
    order by o.starts_at, o.id
$$;

revoke all on function catalog_programme_offerings_outside(uuid, date, date) from public;
grant execute on function catalog_programme_offerings_outside(uuid, date, date) to "${approle}";
