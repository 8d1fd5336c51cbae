-- Indexes for the foreign keys that had none (shared.db.ForeignKeyIndexIntegrationTests lists any left). Without one,
-- deleting or re-keying a referenced row (in app_user, discipline, industry, organization, output, person,
-- talent_student) scans the whole referencing table under a lock, and every query joining or filtering by the key
-- scans it too.
--
-- These tables may be large on a long-running installation: a plain CREATE INDEX blocks writes to its table while
-- it builds. To avoid that, build them beforehand by hand, outside a transaction, with the same names:
--   CREATE INDEX CONCURRENTLY IF NOT EXISTS <name> ON <table> (<column>);
-- then IF NOT EXISTS below skips them.

create index if not exists talent_crosswalk_industry_code on talent_crosswalk (industry_code); -- → industry
create index if not exists talent_need_created_by on talent_need (created_by); -- → app_user
create index if not exists talent_need_discipline_code on talent_need (discipline_code); -- → discipline
create index if not exists talent_need_industry_code on talent_need (industry_code); -- → industry
create index if not exists talent_need_organization_id on talent_need (organization_id); -- → organization
create index if not exists talent_outcome_output_id on talent_outcome (output_id); -- → output
create index if not exists talent_practice_log_decided_by on talent_practice_log (decided_by); -- → app_user
create index if not exists talent_practice_log_logged_by on talent_practice_log (logged_by); -- → app_user
create index if not exists talent_program_discipline_code on talent_program (discipline_code); -- → discipline
create index if not exists talent_program_industry_code on talent_program (industry_code); -- → industry
create index if not exists talent_program_enterprise_organization_id on talent_program_enterprise (organization_id); -- → organization
create index if not exists talent_student_academic_mentor_id on talent_student (academic_mentor_id); -- → person
create index if not exists talent_student_enterprise_id on talent_student (enterprise_id); -- → organization
create index if not exists talent_student_person_id on talent_student (person_id); -- → person
create index if not exists talent_supply_discipline_code on talent_supply (discipline_code); -- → discipline
create index if not exists talent_supply_university_id on talent_supply (university_id); -- → organization
create index if not exists talent_topic_created_by on talent_topic (created_by); -- → app_user
create index if not exists talent_topic_discipline_code on talent_topic (discipline_code); -- → discipline
create index if not exists talent_topic_industry_code on talent_topic (industry_code); -- → industry
create index if not exists talent_topic_organization_id on talent_topic (organization_id); -- → organization
create index if not exists talent_topic_student_id on talent_topic (student_id); -- → talent_student
