-- code: output.all
-- module: registry
-- name.zh: 科技成果
-- name.en: Outputs
-- definition.zh: 登记的项目、论文、专利、成果、标准与软件，按类型与年份分；地区与层级取第一完成单位。
-- definition.en: Registered projects, papers, patents, achievements, standards and software, by type and year; region and tier are those of the first organization.
-- unit.zh: 项
-- unit.en: outputs
-- breakdowns: region, tier, year, category
-- category.zh: 类型
-- category.en: Type
-- order: 30
select op.ext_id as record_id, 'output' as record_kind, op.title_zh as label_zh, op.title_en as label_en,
       '/outputs/' || op.ext_id as href, lead_org.region_code, lead_org.type as tier, null::text as industry_code,
       null::text as industry_group, op.year, op.type as category, 1 as weight, op.illustrative
from output op
left join lateral (
    select o.region_code, o.type
    from output_organization oo join organization o on o.id = oo.organization_id
    where oo.output_id = op.id
    order by oo.position, o.id
    limit 1
) lead_org on true
