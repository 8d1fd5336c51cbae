-- code: collaboration.joint-outputs
-- module: registry
-- name.zh: 校企联合成果
-- name.en: Enterprise–university joint outputs
-- definition.zh: 至少一家企业与至少一家高校、科研院所或实验室共同完成的成果，按类型与年份分；地区取第一家企业。目标值为示例。
-- definition.en: Outputs of at least one enterprise together with at least one university, research institute or laboratory, by type and year; the region is the first enterprise's. The targets are illustrative.
-- unit.zh: 项
-- unit.en: outputs
-- breakdowns: region, year, category
-- category.zh: 类型
-- category.en: Type
-- targets: 2024=10, 2025=15, 2026=20
-- order: 40
select op.ext_id as record_id, 'output' as record_kind, op.title_zh as label_zh, op.title_en as label_en,
       '/outputs/' || op.ext_id as href, firm.region_code, null::text as tier, null::text as industry_code,
       null::text as industry_group, op.year, op.type as category, 1 as weight, op.illustrative
from output op
join lateral (
    select o.region_code
    from output_organization oo join organization o on o.id = oo.organization_id
    where oo.output_id = op.id and o.type = 'enterprise'
    order by oo.position, o.id
    limit 1
) firm on true
where exists (
    select 1 from output_organization oo join organization o on o.id = oo.organization_id
    where oo.output_id = op.id
      and o.type in ('university', 'research_institute', 'national_laboratory', 'provincial_laboratory',
                     'national_key_laboratory', 'new_rd_institution', 'major_facility')
)
