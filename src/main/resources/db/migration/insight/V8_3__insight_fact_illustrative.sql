-- Whether a counted record is illustrative (written for the demo, not real): from the optional
-- `illustrative` column of a declaration; drill-down lists label such rows.
alter table insight_fact add column illustrative boolean not null default false;
