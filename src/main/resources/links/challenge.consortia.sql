-- Links of the collaboration network (insight): one row per pair of organizations in one
-- consortium, i.e. the lead and partner organizations of one application to a challenge, won,
-- lost or still under review (forming the consortium and applying together is the collaboration,
-- whatever the outcome). A withdrawn application is left out: its consortium was called off
-- before it was judged, so it is no evidence the organizations worked together. Columns:
-- source_id, target_id (organization ids); the order of a pair does not matter. Same rules as
-- indicator files: one SELECT, no semicolon, no comments inside the statement, no parameters.
-- code: challenge.consortia
-- name.zh: 揭榜联合体
-- name.en: Challenge consortia
select a.organization_id as source_id, b.organization_id as target_id
from application_member a
join application_member b on b.application_id = a.application_id and b.organization_id > a.organization_id
join challenge_application ap on ap.id = a.application_id
where a.role in ('lead', 'partner') and b.role in ('lead', 'partner') and ap.status <> 'withdrawn'
