-- Whether the read model knows the programme at all, whoever owns it: the owner's participant list tells someone else
-- that the programme is not theirs (403) rather than unknown (404). A yes or no only, from the current generation.
create function reporting_programme_known(programme uuid) returns boolean
    language sql
    stable
    security definer
    set search_path = public, pg_temp
as $$
    select exists (select 1 from read_model r
                   join programme p on p.generation = r.current_generation and p.programme_id = programme)
$$;

revoke all on function reporting_programme_known(uuid) from public;
grant execute on function reporting_programme_known(uuid) to "${approle}";
