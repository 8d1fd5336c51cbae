-- code: organization.all
-- module: registry
-- name.zh: 创新主体
-- name.en: Organizations
-- definition.zh: 登记在册的全部机构（实验室、高校、科研院所、企业等），按层级与地区分；年份为成立年份。
-- definition.en: Every registered organization (laboratories, universities, institutes, enterprises…), by tier and region; the year is the year established.
-- unit.zh: 家
-- unit.en: organizations
-- breakdowns: region, tier, year
-- order: 20
select o.ext_id as record_id, 'organization' as record_kind, o.name_zh as label_zh, o.name_en as label_en,
       '/organizations/' || o.ext_id as href, o.region_code, o.type as tier, null::text as industry_code,
       null::text as industry_group, o.established as year, null::text as category, 1 as weight, o.illustrative
from organization o
