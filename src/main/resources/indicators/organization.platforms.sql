-- code: organization.platforms
-- module: registry
-- name.zh: 科技创新平台
-- name.en: Innovation platforms
-- definition.zh: 登记在册的国家实验室、湖北实验室（省实验室）、重大科技基础设施、全国重点实验室和新型研发机构，按层级分；年份为成立年份。
-- definition.en: Registered national laboratories, Hubei (provincial) laboratories, major science facilities, national key laboratories and new R&D institutions, by tier; the year is the year established.
-- unit.zh: 家
-- unit.en: organizations
-- breakdowns: region, tier, year
-- order: 10
select o.ext_id as record_id, 'organization' as record_kind, o.name_zh as label_zh, o.name_en as label_en,
       '/organizations/' || o.ext_id as href, o.region_code, o.type as tier, null::text as industry_code,
       null::text as industry_group, o.established as year, null::text as category, 1 as weight, o.illustrative
from organization o
where o.type in ('national_laboratory', 'provincial_laboratory', 'major_facility', 'national_key_laboratory', 'new_rd_institution')
