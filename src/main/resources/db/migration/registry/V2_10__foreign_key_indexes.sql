-- Indexes for the foreign keys that had none (shared.db.ForeignKeyIndexIntegrationTests lists any left). Without one,
-- deleting or re-keying a referenced row (in discipline, industry, region) scans the whole referencing table under a
-- lock, and every query joining or filtering by the key scans it too.
--
-- These tables may be large on a long-running installation: a plain CREATE INDEX blocks writes to its table while
-- it builds. To avoid that, build them beforehand by hand, outside a transaction, with the same names:
--   CREATE INDEX CONCURRENTLY IF NOT EXISTS <name> ON <table> (<column>);
-- then IF NOT EXISTS below skips them.

create index if not exists discipline_parent_code on discipline (parent_code); -- → discipline
create index if not exists facility_region_code on facility (region_code); -- → region
create index if not exists key_core_technology_industry_code on key_core_technology (industry_code); -- → industry
create index if not exists region_parent_code on region (parent_code); -- → region
