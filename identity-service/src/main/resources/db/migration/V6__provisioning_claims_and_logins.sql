-- Provisioning with several replicas: a worker claims due tasks for a while (claimed_until) with
-- FOR UPDATE SKIP LOCKED, so no two replicas carry out the same task at once, and a task whose worker died becomes
-- due again once its claim has run out.
alter table provisioning_task add column claimed_until timestamptz;

-- Whether a person can log in as identity describes them: PENDING while Keycloak has not caught up with the last
-- change, ACTIVE once it has, FAILED when Keycloak refused the user (login_reason says why, in Keycloak's words).
alter table person
    add column login_state  text not null default 'PENDING' check (login_state in ('PENDING', 'ACTIVE', 'FAILED')),
    add column login_reason text check (login_reason is null or length(login_reason) <= 1000),
    add constraint person_login_reason_when_failed check ((login_state = 'FAILED') = (login_reason is not null));

-- People whose provisioning is done already can log in.
update person set login_state = 'ACTIVE'
where not exists (
    select 1 from provisioning_task task where task.kind = 'PERSON' and task.subject = person.id::text);
