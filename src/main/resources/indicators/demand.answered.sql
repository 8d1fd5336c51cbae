-- code: demand.answered
-- module: matching
-- name.zh: 已对接的技术需求
-- name.en: Technology demands answered
-- definition.zh: 已关闭（已找到解决方、完成对接）的技术需求，按地区、行业与发布年份分。目标值为示例。
-- definition.en: Technology demands closed as answered (a solver was found), by region, industry and year posted. The targets are illustrative.
-- unit.zh: 项
-- unit.en: demands
-- breakdowns: region, industry_group, industry, year, category
-- category.zh: 状态
-- category.en: Status
-- targets: 2024=10, 2025=15, 2026=20
-- order: 55
select d.ext_id as record_id, 'demand' as record_kind,
       case when d.visibility = 'public' then d.title_zh else '非公开需求' end as label_zh,
       case when d.visibility = 'public' then d.title_en else 'Private demand' end as label_en,
       case when d.visibility = 'public' then '/demands/' || d.ext_id end as href,
       coalesce((select r.code from region r where r.code = d.region or r.name_zh = d.region or r.name_en = d.region
                 order by r.code limit 1), o.region_code) as region_code,
       o.type as tier,
       (select i.code from industry i where i.code = d.industry or i.name_zh = d.industry or i.name_en = d.industry
        order by i.code limit 1) as industry_code,
       null::text as industry_group,
       extract(year from d.created_at at time zone 'Asia/Shanghai')::integer as year,
       d.status as category, 1 as weight, d.illustrative
from demand d
left join organization o on o.id = d.organization_id
where d.status = 'closed'
