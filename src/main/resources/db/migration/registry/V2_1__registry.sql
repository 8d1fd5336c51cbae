-- The registry: the innovation base as one graph. Every record has an internal key (id) and the
-- external identifier it was imported with (ext_id, unique within its kind, kept as given).
-- Bilingual texts are two columns, *_zh and *_en; at least one is set.

create table region (
    code        text primary key,               -- GB/T 2260 administrative division code (6 digits)
    name_zh     text not null,
    name_en     text,
    level       text not null check (level in ('province', 'prefecture', 'district')),
    parent_code text references region (code)
);

create table discipline (
    code        text primary key,
    name_zh     text not null,
    name_en     text,
    parent_code text references discipline (code)
);

create table industry (
    code        text primary key,
    name_zh     text not null,
    name_en     text,
    industry_group text not null check (industry_group in ('traditional', 'emerging', 'future'))
);

create table key_core_technology (
    code          text primary key,
    name_zh       text not null,
    name_en       text,
    industry_code text references industry (code),
    description_zh text,
    description_en text,
    illustrative  boolean not null default false
);

create table organization (
    id             bigserial primary key,
    ext_id         text not null unique,
    type           text not null default 'other' check (type in ('national_laboratory', 'provincial_laboratory',
                       'national_key_laboratory', 'major_facility', 'new_rd_institution', 'university',
                       'research_institute', 'enterprise', 'government', 'other')),
    name_zh        text,
    name_en        text,
    parent_id      bigint references organization (id) on delete set null,
    region         text,                         -- as given ("湖北", "武汉市", "420100", …)
    region_code    text references region (code), -- resolved, when the given region is known
    ror            text,
    uscc           text,
    website        text,
    description_zh text,
    description_en text,
    established    integer,
    illustrative   boolean not null default false, -- demo records written by the project, not real data
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    version        integer not null default 0,
    check (name_zh is not null or name_en is not null)
);
create index organization_parent on organization (parent_id);
create index organization_type on organization (type);
create index organization_region on organization (region_code);

create table person (
    id              bigserial primary key,
    ext_id          text not null unique,
    name_zh         text,
    name_en         text,
    organization_id bigint references organization (id) on delete set null,
    title           text,
    orcid           text,
    disciplines     text[] not null default '{}',
    keywords        text[] not null default '{}',
    description_zh  text,
    description_en  text,
    illustrative    boolean not null default false,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    version         integer not null default 0,
    check (name_zh is not null or name_en is not null)
);
create index person_organization on person (organization_id);

create table output (
    id           bigserial primary key,
    ext_id       text not null unique,
    type         text not null default 'achievement' check (type in ('project', 'paper', 'patent', 'achievement', 'standard', 'software')),
    title_zh     text,
    title_en     text,
    abstract_zh  text,
    abstract_en  text,
    keywords     text[] not null default '{}',
    year         integer,
    discipline   text,
    illustrative boolean not null default false,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    version      integer not null default 0,
    check (title_zh is not null or title_en is not null)
);
create index output_year on output (year);

-- Links keep the order given in the record (first author or principal investigator first).
create table output_person (
    output_id bigint not null references output (id) on delete cascade,
    person_id bigint not null references person (id) on delete cascade,
    position  integer not null,
    primary key (output_id, person_id)
);
create index output_person_person on output_person (person_id);

create table output_organization (
    output_id       bigint not null references output (id) on delete cascade,
    organization_id bigint not null references organization (id) on delete cascade,
    position        integer not null,
    primary key (output_id, organization_id)
);
create index output_organization_organization on output_organization (organization_id);

create table facility (
    id              bigserial primary key,
    ext_id          text not null unique,
    type            text not null default 'instrument' check (type in ('major_facility', 'instrument')),
    name_zh         text,
    name_en         text,
    organization_id bigint references organization (id) on delete set null,
    description_zh  text,
    description_en  text,
    keywords        text[] not null default '{}',
    region          text,
    region_code     text references region (code),
    illustrative    boolean not null default false,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    version         integer not null default 0,
    check (name_zh is not null or name_en is not null)
);
create index facility_organization on facility (organization_id);
