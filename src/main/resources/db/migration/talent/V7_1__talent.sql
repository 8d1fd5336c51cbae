-- Talent: joint enterprise–university engineering programs (卓越工程师 → joint engineering
-- program), their students with an academic and an industrial mentor, enterprise thesis topics,
-- practice hours and milestones; talent supply (graduates) against the needs enterprises declare.

-- Which industries a discipline's graduates go into, with a relative share (a discipline's
-- graduates are divided among its industries in proportion to the shares). Editable by an admin.
create table talent_crosswalk (
    discipline_code text not null references discipline (code) on delete cascade,
    industry_code   text not null references industry (code) on delete cascade,
    share           integer not null default 1 check (share between 1 and 100),
    primary key (discipline_code, industry_code)
);

create table talent_program (
    id              bigserial primary key,
    ext_id          text not null unique,
    name_zh         text,
    name_en         text,
    university_id   bigint not null references organization (id),
    discipline_code text not null references discipline (code),
    industry_code   text not null references industry (code),
    degree_level    text not null check (degree_level in ('master', 'doctorate')),
    cohort_year     integer not null check (cohort_year between 1990 and 2100),
    capacity        integer not null check (capacity between 1 and 10000),
    required_hours  integer not null default 1000 check (required_hours between 0 and 10000),
    illustrative    boolean not null default false,
    created_at      timestamptz not null default now(),
    version         integer not null default 0,
    check (name_zh is not null or name_en is not null)
);
create index talent_program_university on talent_program (university_id);

create table talent_program_enterprise (
    program_id      bigint not null references talent_program (id) on delete cascade,
    organization_id bigint not null references organization (id),
    position        integer not null,
    primary key (program_id, organization_id)
);

create table talent_student (
    id                   bigserial primary key,
    ext_id               text not null unique,
    program_id           bigint not null references talent_program (id) on delete cascade,
    person_id            bigint not null references person (id),     -- the student in the registry (outputs link to it)
    user_id              bigint references app_user (id) on delete set null, -- the STUDENT account
    enterprise_id        bigint not null references organization (id), -- where the practice happens
    academic_mentor_id   bigint not null references person (id),
    industrial_mentor_id bigint not null references person (id),
    background           text,                                        -- for matching topics
    graduation_year      integer not null check (graduation_year between 1990 and 2100),
    status               text not null default 'enrolled' check (status in ('enrolled', 'graduated', 'withdrawn')),
    illustrative         boolean not null default false,
    created_at           timestamptz not null default now(),
    check (academic_mentor_id <> industrial_mentor_id)
);
create index talent_student_program on talent_student (program_id);
create index talent_student_user on talent_student (user_id);

create table talent_topic (
    id              bigserial primary key,
    ext_id          text not null unique,
    organization_id bigint not null references organization (id),
    title_zh        text,
    title_en        text,
    description     text,
    discipline_code text references discipline (code),
    industry_code   text references industry (code),
    demand_ref      text,              -- the demand or challenge it answers (external id), if any
    status          text not null default 'open' check (status in ('open', 'chosen', 'confirmed', 'closed')),
    student_id      bigint references talent_student (id) on delete set null,
    academic_confirmed   boolean not null default false,
    industrial_confirmed boolean not null default false,
    created_by      bigint references app_user (id) on delete set null,
    illustrative    boolean not null default false,
    created_at      timestamptz not null default now(),
    check (title_zh is not null or title_en is not null)
);
create unique index talent_topic_one_per_student on talent_topic (student_id) where student_id is not null;

create table talent_practice_log (
    id          bigserial primary key,
    student_id  bigint not null references talent_student (id) on delete cascade,
    work_date   date not null,
    hours       numeric(5, 1) not null check (hours > 0 and hours <= 24),
    description text not null,
    status      text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
    logged_by   bigint references app_user (id) on delete set null,
    decided_by  bigint references app_user (id) on delete set null,
    decided_at  timestamptz,
    created_at  timestamptz not null default now()
);
create index talent_practice_student on talent_practice_log (student_id);

create table talent_milestone (
    id         bigserial primary key,
    student_id bigint not null references talent_student (id) on delete cascade,
    kind       text not null check (kind in ('proposal', 'midterm', 'defense')),
    due_date   date not null,
    done_date  date,
    status     text not null default 'planned' check (status in ('planned', 'passed', 'failed')),
    unique (student_id, kind)
);

-- Outcomes (thesis, patents, papers) are registry outputs; this only remembers whose they are.
create table talent_outcome (
    student_id bigint not null references talent_student (id) on delete cascade,
    output_id  bigint not null references output (id) on delete cascade,
    primary key (student_id, output_id)
);

-- Graduates a university reports outside the joint programs, by discipline and year.
create table talent_supply (
    id              bigserial primary key,
    ext_id          text not null unique,
    university_id   bigint not null references organization (id),
    discipline_code text not null references discipline (code),
    degree_level    text not null check (degree_level in ('master', 'doctorate')),
    year            integer not null check (year between 1990 and 2100),
    graduates       integer not null check (graduates between 0 and 100000),
    illustrative    boolean not null default false
);

-- What enterprises declare they need: a discipline or a skill, how many, which year, which industry.
create table talent_need (
    id              bigserial primary key,
    ext_id          text not null unique,
    organization_id bigint not null references organization (id),
    industry_code   text not null references industry (code),
    discipline_code text references discipline (code),
    skill           text,
    degree_level    text check (degree_level in ('master', 'doctorate')),
    year            integer not null check (year between 1990 and 2100),
    headcount       integer not null check (headcount between 1 and 100000),
    created_by      bigint references app_user (id) on delete set null,
    illustrative    boolean not null default false,
    created_at      timestamptz not null default now(),
    check (discipline_code is not null or skill is not null)
);

-- A region code at any level as its prefecture (a district's parent; a prefecture itself).
create function talent_prefecture(code text) returns text language sql stable as $$
    select case r.level when 'prefecture' then r.code when 'district' then r.parent_code end
    from region r where r.code = $1
$$;

-- Every supply and need record of the gap analysis, one row per record and industry, with its
-- amount in people (public facts only: a student is labelled by program and year, never named): a program student counts 1 in the program's industry in their graduation
-- year (withdrawn students do not count); a university figure is divided among the industries of
-- its discipline by the crosswalk's shares (rounded to hundredths); a need counts its headcount. The gap is need − supply.
create view talent_gap_record as
select 'student-' || s.ext_id as record_id, 'student' as record_kind, 'supply' as side,
       coalesce(p.name_zh, p.name_en) || '：' || s.graduation_year || ' 届学生' as label_zh,
       coalesce(p.name_en, p.name_zh) || ': student graduating in ' || s.graduation_year as label_en,
       '/talent/programs/' || p.ext_id as href, p.industry_code, i.industry_group,
       talent_prefecture(u.region_code) as prefecture, s.graduation_year as year, 1::numeric as amount, s.illustrative
from talent_student s
join talent_program p on p.id = s.program_id
join organization u on u.id = p.university_id
join industry i on i.code = p.industry_code
where s.status <> 'withdrawn'
union all
select 'supply-' || f.ext_id || '@' || c.industry_code, 'supply', 'supply',
       coalesce(u.name_zh, u.name_en) || ' ' || coalesce(d.name_zh, d.name_en) || ' ' || f.year,
       coalesce(u.name_en, u.name_zh) || ' ' || coalesce(d.name_en, d.name_zh) || ' ' || f.year,
       '/organizations/' || u.ext_id, c.industry_code, i.industry_group,
       talent_prefecture(u.region_code), f.year,
       round(f.graduates::numeric * c.share / (select sum(c2.share) from talent_crosswalk c2 where c2.discipline_code = c.discipline_code), 2),
       f.illustrative
from talent_supply f
join talent_crosswalk c on c.discipline_code = f.discipline_code
join organization u on u.id = f.university_id
join discipline d on d.code = f.discipline_code
join industry i on i.code = c.industry_code
union all
select 'need-' || n.ext_id, 'need', 'need',
       coalesce(o.name_zh, o.name_en) || '：' || coalesce(d.name_zh, n.skill), coalesce(o.name_en, o.name_zh) || ': ' || coalesce(d.name_en, n.skill),
       '/talent/needs?organization=' || o.ext_id, n.industry_code, i.industry_group,
       talent_prefecture(o.region_code), n.year, n.headcount::numeric, n.illustrative
from talent_need n
join organization o on o.id = n.organization_id
left join discipline d on d.code = n.discipline_code
join industry i on i.code = n.industry_code;

-- The default crosswalk: engineering and science disciplines to Hubei's industries.
insert into talent_crosswalk (discipline_code, industry_code, share) values
    ('0701', 'ind-ai', 1), ('0701', 'ind-computing', 1),
    ('0702', 'ind-quantum', 1), ('0702', 'ind-optoelectronics', 1),
    ('0709', 'ind-deep', 1),
    ('0710', 'ind-biomed', 2), ('0710', 'ind-synbio', 1),
    ('0402', 'ind-brain', 1),
    ('0802', 'ind-equipment', 2), ('0802', 'ind-auto', 1),
    ('0803', 'ind-optoelectronics', 1),
    ('0805', 'ind-materials', 2), ('0805', 'ind-steel', 1), ('0805', 'ind-building', 1),
    ('0806', 'ind-steel', 1),
    ('0807', 'ind-nev', 1), ('0807', 'ind-hydrogen', 1),
    ('0808', 'ind-nev', 1), ('0808', 'ind-equipment', 1),
    ('0809', 'ind-optoelectronics', 2), ('0809', 'ind-computing', 1),
    ('0810', 'ind-optoelectronics', 1), ('0810', 'ind-6g', 1), ('0810', 'ind-digital', 1),
    ('0811', 'ind-equipment', 1), ('0811', 'ind-nev', 1), ('0811', 'ind-ai', 1),
    ('0812', 'ind-digital', 1), ('0812', 'ind-ai', 1), ('0812', 'ind-computing', 1),
    ('0814', 'ind-building', 1),
    ('0817', 'ind-petrochem', 2), ('0817', 'ind-materials', 1),
    ('0819', 'ind-steel', 1),
    ('0820', 'ind-petrochem', 1),
    ('0821', 'ind-textile', 1),
    ('0823', 'ind-auto', 1),
    ('0825', 'ind-aerospace', 2), ('0825', 'ind-deep', 1),
    ('0830', 'ind-green', 1),
    ('0832', 'ind-food', 1),
    ('1001', 'ind-biomed', 1),
    ('1007', 'ind-biomed', 1);
