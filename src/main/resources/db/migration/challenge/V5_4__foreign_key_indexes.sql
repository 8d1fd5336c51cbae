-- Indexes for the foreign keys that had none (shared.db.ForeignKeyIndexIntegrationTests lists any left). Without one,
-- deleting or re-keying a referenced row (in app_user, challenge, challenge_application, challenge_target, industry,
-- organization, person) scans the whole referencing table under a lock, and every query joining or filtering by the
-- key scans it too.
--
-- These tables may be large on a long-running installation: a plain CREATE INDEX blocks writes to its table while
-- it builds. To avoid that, build them beforehand by hand, outside a transaction, with the same names:
--   CREATE INDEX CONCURRENTLY IF NOT EXISTS <name> ON <table> (<column>);
-- then IF NOT EXISTS below skips them.

create index if not exists acceptance_evidence_target_id on acceptance_evidence (target_id); -- → challenge_target
create index if not exists application_attachment_application_id on application_attachment (application_id); -- → challenge_application
create index if not exists application_commitment_target_id on application_commitment (target_id); -- → challenge_target
create index if not exists application_member_organization_id on application_member (organization_id); -- → organization
create index if not exists application_member_person_id on application_member (person_id); -- → person
create index if not exists challenge_awarded_application_id on challenge (awarded_application_id); -- → challenge_application
create index if not exists challenge_created_by on challenge (created_by); -- → app_user
create index if not exists challenge_industry_code on challenge (industry_code); -- → industry
create index if not exists challenge_sponsor_organization_id on challenge (sponsor_organization_id); -- → organization
create index if not exists challenge_application_applicant_user_id on challenge_application (applicant_user_id); -- → app_user
create index if not exists challenge_application_challenge_id on challenge_application (challenge_id); -- → challenge
create index if not exists challenge_application_lead_organization_id on challenge_application (lead_organization_id); -- → organization
create index if not exists challenge_invitation_invited_by on challenge_invitation (invited_by); -- → app_user
create index if not exists challenge_reviewer_user_id on challenge_reviewer (user_id); -- → app_user
create index if not exists milestone_report_reported_by on milestone_report (reported_by); -- → app_user
create index if not exists review_score_reviewer_user_id on review_score (reviewer_user_id); -- → app_user
