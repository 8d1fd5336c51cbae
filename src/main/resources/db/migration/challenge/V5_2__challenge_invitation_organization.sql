-- An organization's invitations are looked up on every page its users open (the count on the
-- navigation link): by organization, which the primary key (challenge, organization) cannot serve.
create index challenge_invitation_organization on challenge_invitation (organization_id);
