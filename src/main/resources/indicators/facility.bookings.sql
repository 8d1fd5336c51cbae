-- code: facility.bookings
-- module: facility
-- name.zh: 仪器设施共享服务
-- name.en: Facility sharing services
-- definition.zh: 已完成且管理员确认用量的大型仪器与设施预约，按对内/对外服务、设施所在地区、所属单位层级与实际开始年份（北京时间）分。目标值为示例。
-- definition.en: Completed bookings of instruments and facilities whose usage a manager confirmed, by internal or external service, the facility's region, its owner's tier and the year of the actual start (Beijing time). The targets are illustrative.
-- unit.zh: 次
-- unit.en: bookings
-- breakdowns: region, tier, year, category
-- category.zh: 服务对象
-- category.en: Served
-- targets: 2025=100, 2026=150
-- order: 60
select 'booking-' || b.id as record_id, 'booking' as record_kind,
       coalesce(f.name_zh, f.name_en) || ' · ' || to_char(coalesce(b.actual_start, lower(b.period)) at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as label_zh,
       coalesce(f.name_en, f.name_zh) || ' · ' || to_char(coalesce(b.actual_start, lower(b.period)) at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as label_en,
       '/facilities/' || f.ext_id as href,
       coalesce(f.region_code, o.region_code) as region_code, o.type as tier, null::text as industry_code,
       null::text as industry_group,
       extract(year from coalesce(b.actual_start, lower(b.period)) at time zone 'Asia/Shanghai')::integer as year,
       b.rate_class as category, 1 as weight, f.illustrative
from booking b
join facility f on f.id = b.facility_id
left join organization o on o.id = f.organization_id
where b.status = 'completed' and b.usage_confirmed_at is not null
