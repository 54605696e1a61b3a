-- Membership needs the member's consent. A federation invites an organisation; the member's own coordinator accepts
-- (or a platform administrator records that the member accepted, naming the decision), and a period never starts
-- before the acceptance. Invitations belong to the public register like the membership itself (no row-level
-- security): they say which organisation asked which, and when; the API decides who sees and answers them.
create table federation_invitation (
    id          uuid        primary key,
    federation  text        not null references organisation (slug),
    member      text        not null references organisation (slug),
    joins_on    date,
    invited_at  timestamptz not null,
    status      text        not null check (status in ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')),
    answered_at timestamptz,
    accepted_on date,
    reference   text,
    check (federation <> member),
    check ((status = 'PENDING') = (answered_at is null)),
    check ((status = 'ACCEPTED') = (accepted_on is not null))
);

create index federation_invitation_federation_idx on federation_invitation (federation);
create index federation_invitation_member_idx on federation_invitation (member, invited_at);
create unique index federation_invitation_one_pending_idx on federation_invitation (federation, member)
    where status = 'PENDING';

-- Each period says when and how the member agreed to it. Periods entered before consent was asked for are marked
-- UNRECORDED, accepted on the day they start: they stay as they were, and an administrator can see which they are.
alter table federation_membership
    add column accepted_on date,
    add column consent     text;

update federation_membership set accepted_on = joined_on, consent = 'UNRECORDED';

alter table federation_membership
    alter column accepted_on set not null,
    alter column consent set not null,
    add constraint federation_membership_consent_check
        check (consent in ('MEMBER', 'PLATFORM_ADMINISTRATOR', 'UNRECORDED')),
    add constraint federation_membership_not_before_acceptance check (joined_on >= accepted_on);
