-- Matching: the embedding cache and technology demands.

-- Embeddings are derived data, cached so that an index rebuild never recomputes them: keyed by the
-- model and the SHA-256 of the exact text that was embedded (a query's instruction prefix included).
create table embedding (
    model        text  not null,
    content_hash bytea not null,
    vector       bytea not null,                  -- float32 big-endian, the model's dimension
    created_at   timestamptz not null default now(),
    primary key (model, content_hash)
);

-- A technology demand (技术需求) posted by an enterprise: what it needs solved, on what terms.
create table demand (
    id              bigserial primary key,
    ext_id          text not null unique,
    title_zh        text,
    title_en        text,
    description_zh  text,
    description_en  text,
    keywords        text[] not null default '{}',
    organization_id bigint references organization (id) on delete set null,  -- the enterprise posting it
    industry        text,
    region          text,
    budget_min      numeric(16, 2) check (budget_min >= 0),                 -- CNY
    budget_max      numeric(16, 2) check (budget_max >= 0),
    trl             smallint check (trl between 1 and 9),                    -- technology readiness level sought
    ip_stance       text check (ip_stance in ('transfer', 'license', 'joint_development', 'commissioned', 'negotiable')),
    visibility      text not null default 'public' check (visibility in ('public', 'signed_in', 'parties')),
    deadline        date,
    status          text not null default 'open' check (status in ('open', 'closed')),
    created_by      text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    version         integer not null default 0,
    check (title_zh is not null or title_en is not null),
    check (budget_min is null or budget_max is null or budget_min <= budget_max)
);
create index demand_status on demand (status, updated_at desc);
create index demand_organization on demand (organization_id);

-- With visibility 'parties', the organizations the demand is shown to (besides its author).
create table demand_party (
    demand_id       bigint not null references demand (id) on delete cascade,
    organization_id bigint not null references organization (id) on delete cascade,
    primary key (demand_id, organization_id)
);
