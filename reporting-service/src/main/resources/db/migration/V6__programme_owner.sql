-- The organisations whose people the owner of a programme reports to the funder: those with enrolments in the
-- programme on the owner's own offerings (a municipality's project run with a private care provider it names as a
-- partner) or on the offerings of a federation the owner is or was a member of (a municipality's ESF project for the
-- county funding the federation's joint courses). Tenant ids only, from the current generation, with the owner's
-- rights; nothing unless the programme is the owner's.
create function reporting_programme_tenants(programme uuid, owner text) returns text[]
    language sql
    stable
    security definer
    set search_path = public, pg_temp
as $$
    select array(
        select distinct e.tenant_id
        from read_model r
        join programme p on p.generation = r.current_generation and p.programme_id = programme and p.tenant_id = owner
        join enrolment e on e.generation = r.current_generation and e.programme_id = programme
        where e.offering_owner = owner
           or exists (select 1 from federation_member m
                      where m.generation = r.current_generation and m.tenant_id = e.offering_owner
                        and m.member = owner)
        order by e.tenant_id)
$$;

revoke all on function reporting_programme_tenants(uuid, text) from public;
grant execute on function reporting_programme_tenants(uuid, text) to "${approle}";
