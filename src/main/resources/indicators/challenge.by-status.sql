-- code: challenge.by-status
-- module: challenge
-- name.zh: 关键核心技术攻关榜单
-- name.en: Key core technology challenges
-- definition.zh: 已发布的揭榜挂帅榜单（不含草稿），按状态、所属产业与发布年份（北京时间）分；地区取发榜企业所在地，科技厅发布的计入湖北省。目标值为示例。
-- definition.en: Challenges that have been published (drafts excluded), by status, industry and year of publication (Beijing time); the region is the sponsoring enterprise's, Hubei for the department's own. The targets are illustrative.
-- unit.zh: 项
-- unit.en: challenges
-- breakdowns: region, tier, industry_group, industry, year, category
-- category.zh: 状态
-- category.en: Status
-- targets: 2025=20, 2026=29
-- order: 45
select c.ext_id as record_id, 'challenge' as record_kind, coalesce(c.title_zh, c.title_en) as label_zh,
       coalesce(c.title_en, c.title_zh) as label_en, '/challenges/' || c.ext_id as href,
       coalesce(o.region_code, '420000') as region_code, o.type as tier,
       coalesce(c.industry_code, k.industry_code) as industry_code, i.industry_group,
       extract(year from coalesce(c.published_at, c.created_at) at time zone 'Asia/Shanghai')::integer as year,
       c.status as category, 1 as weight
from challenge c
left join key_core_technology k on k.code = c.technology_code
left join industry i on i.code = coalesce(c.industry_code, k.industry_code)
left join organization o on o.id = c.sponsor_organization_id
where c.status <> 'draft'
