-- Whether a person id is held by a person or an erased person of any tenant. A client may choose the id of a new
-- person (to seed people whose logins already carry their id); an id must never be used twice, and never again after
-- an erasure, whose event version a new person would fall behind. Runs with the owner's rights, past row-level
-- security, and answers only yes or no.
create function person_id_in_use(candidate uuid) returns boolean
    language sql
    stable
    security definer
    set search_path = public, pg_temp
as $$
    select exists (select 1 from person where id = candidate)
        or exists (select 1 from erased_person where id = candidate)
$$;
