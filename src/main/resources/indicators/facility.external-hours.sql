-- code: facility.external-hours
-- module: facility
-- name.zh: 对外共享机时
-- name.en: External service hours
-- definition.zh: 已完成且确认用量的对外服务预约的有效机时之和（国家大型仪器开放共享评价口径），按地区、所属单位层级与年份分。
-- definition.en: The confirmed machine hours of completed bookings by external users (the national sharing evaluation's external service hours), by region, owner's tier and year.
-- unit.zh: 小时
-- unit.en: hours
-- breakdowns: region, tier, year
-- measure: sum
-- order: 65
select 'booking-' || b.id as record_id, 'booking' as record_kind,
       coalesce(f.name_zh, f.name_en) || ' · ' || to_char(coalesce(b.actual_start, lower(b.period)) at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as label_zh,
       coalesce(f.name_en, f.name_zh) || ' · ' || to_char(coalesce(b.actual_start, lower(b.period)) at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as label_en,
       '/facilities/' || f.ext_id as href,
       coalesce(f.region_code, o.region_code) as region_code, o.type as tier, null::text as industry_code,
       null::text as industry_group,
       extract(year from coalesce(b.actual_start, lower(b.period)) at time zone 'Asia/Shanghai')::integer as year,
       b.rate_class as category, coalesce(b.used_hours, 0) as weight, f.illustrative
from booking b
join facility f on f.id = b.facility_id
left join organization o on o.id = f.organization_id
where b.status = 'completed' and b.usage_confirmed_at is not null and b.rate_class = 'external'
