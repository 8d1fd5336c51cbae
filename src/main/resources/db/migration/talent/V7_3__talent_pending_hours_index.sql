-- The practice hours waiting for an industrial mentor are counted on every page the mentor opens
-- (the count on the talent link, `helix bench nav`): the mentor's students, then their pending
-- entries. Without these indexes the count scans every student, then every entry of the mentor's
-- students (a student logs hours most days for years); with them it reads only what it counts.
create index talent_student_industrial_mentor on talent_student (industrial_mentor_id);
create index talent_practice_pending on talent_practice_log (student_id) where status = 'pending';
