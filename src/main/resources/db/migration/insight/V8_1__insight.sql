-- Insight: summaries of the declared indicators (classpath*:indicators/*.sql), derived from the
-- records and rebuilt by InsightSummaries (at start-up and, debounced, after every change). Nothing
-- here is a source of truth: dropping the rows and refreshing gives them back.

-- One row per counted record of each indicator: the rows its statement returns, with the region
-- resolved to its prefecture and province and the industry's group filled in. Drill-down lists
-- page through these rows; their count (or sum of weight) is the indicator's value.
create table insight_fact (
    indicator       text    not null,
    record_id       text    not null,
    record_kind     text,
    label_zh        text,
    label_en        text,
    href            text,
    region_code     text,
    prefecture_code text,
    province_code   text,
    tier            text,
    industry_code   text,
    industry_group  text,
    year            integer,
    category        text,
    weight          numeric not null default 1,
    primary key (indicator, record_id)
);
create index insight_fact_prefecture on insight_fact (indicator, prefecture_code);
create index insight_fact_year on insight_fact (indicator, year);

-- The facts grouped by every breakdown at once (a few hundred rows per indicator at most): the
-- dashboards, breakdowns and trends aggregate this table, never the facts or the records.
create table insight_cube (
    indicator       text    not null,
    prefecture_code text,
    province_code   text,
    tier            text,
    industry_code   text,
    industry_group  text,
    year            integer,
    category        text,
    records         bigint  not null,
    total           numeric not null
);
create index insight_cube_indicator on insight_cube (indicator);

-- The collaboration network: organizations linked by the outputs they share.
create table insight_link (
    source_id bigint  not null,
    target_id bigint  not null,
    outputs   integer not null,
    primary key (source_id, target_id)
);
create index insight_link_weight on insight_link (outputs desc);

-- When each indicator was last rebuilt, how long it took and why it failed (null when it did not).
create table insight_refresh (
    indicator    text primary key,
    refreshed_at timestamptz not null,
    records      bigint not null,
    millis       bigint not null,
    error        text
);
