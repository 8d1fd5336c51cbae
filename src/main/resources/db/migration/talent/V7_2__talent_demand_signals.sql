-- What enterprises' technology demands call for, shown beside the gap (not added to it: a demand
-- states no headcount): every open, public demand whose industry names a registry industry (by
-- code or name), at the prefecture of the posting enterprise, in the year of its deadline (else
-- of its posting). Challenges join this view when the challenge module is merged.
create view talent_demand_signal as
select 'demand-' || d.ext_id as record_id, 'demand' as record_kind, 'demand' as side,
       d.title_zh as label_zh, d.title_en as label_en, '/demands/' || d.ext_id as href,
       i.code as industry_code, i.industry_group, talent_prefecture(o.region_code) as prefecture,
       cast(extract(year from coalesce(d.deadline, d.created_at::date)) as integer) as year, 1::numeric as amount, d.illustrative
from demand d
join industry i on i.code = d.industry or i.name_zh = d.industry or lower(i.name_en) = lower(d.industry)
left join organization o on o.id = d.organization_id
where d.status = 'open' and d.visibility = 'public';
