-- code: challenge.consortia
-- module: challenge
-- name.zh: 产学研联合揭榜团队
-- name.en: Enterprise–university consortia awarded challenges
-- definition.zh: 揭榜成功、且由至少一家企业与至少一家高校、科研院所或实验室组成的联合体，按牵头方类型、所属产业与授予年份（北京时间）分；地区取牵头单位所在地。目标值为示例。
-- definition.en: Consortia that won a challenge and join at least one enterprise with at least one university, research institute or laboratory, by who leads, industry and year of the award (Beijing time); the region is the lead organization's. The targets are illustrative.
-- unit.zh: 个
-- unit.en: consortia
-- breakdowns: region, tier, industry_group, industry, year, category
-- category.zh: 牵头方
-- category.en: Led by
-- targets: 2025=10, 2026=20
-- order: 46
select 'consortium-' || a.id as record_id, 'consortium' as record_kind,
       coalesce(lead.name_zh, lead.name_en) || ' · ' || coalesce(c.title_zh, c.title_en) as label_zh,
       coalesce(lead.name_en, lead.name_zh) || ' · ' || coalesce(c.title_en, c.title_zh) as label_en,
       '/challenges/' || c.ext_id as href, lead.region_code, lead.type as tier,
       coalesce(c.industry_code, k.industry_code) as industry_code, i.industry_group,
       extract(year from c.awarded_at at time zone 'Asia/Shanghai')::integer as year,
       case when lead.type = 'enterprise' then 'enterprise' else 'academic' end as category, 1 as weight
from challenge_application a
join challenge c on c.id = a.challenge_id and c.awarded_application_id = a.id
join organization lead on lead.id = a.lead_organization_id
left join key_core_technology k on k.code = c.technology_code
left join industry i on i.code = coalesce(c.industry_code, k.industry_code)
where exists (
    select 1 from application_member m join organization o on o.id = m.organization_id
    where m.application_id = a.id and m.role in ('lead', 'partner') and o.type = 'enterprise'
) and exists (
    select 1 from application_member m join organization o on o.id = m.organization_id
    where m.application_id = a.id and m.role in ('lead', 'partner')
      and o.type in ('university', 'research_institute', 'national_laboratory', 'provincial_laboratory',
                     'national_key_laboratory', 'new_rd_institution', 'major_facility')
)
