-- An applicant may withdraw an application while the call is open: it is kept, as withdrawn, and
-- its organization may apply again (one application that is not withdrawn per lead organization).
alter table challenge_application drop constraint challenge_application_status_check;
alter table challenge_application add constraint challenge_application_status_check
    check (status in ('submitted', 'won', 'lost', 'withdrawn'));
alter table challenge_application drop constraint challenge_application_challenge_id_lead_organization_id_key;
create unique index challenge_application_lead_once on challenge_application (challenge_id, lead_organization_id)
    where status <> 'withdrawn';
alter table challenge_application add column withdrawn_at timestamptz;
-- An application edited while the call is open is saved with the version it was read at.
alter table challenge_application add column version integer not null default 0;
alter table challenge_application add column updated_at timestamptz;

-- A progress report lower than the one before it says why (the sponsor sees it highlighted).
alter table milestone_report add column regression_reason text;
