-- Why an industrial mentor rejected practice hours: shown to the student on their record and said in
-- the notice they get. Null for pending and approved hours, and for hours rejected without one (the API
-- may still reject without a reason; the page asks for it).
alter table talent_practice_log add column reason text check (reason is null or length(reason) <= 1000);
