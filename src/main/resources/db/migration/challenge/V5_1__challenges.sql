-- Challenges (揭榜挂帅): open call → applications → review without conflicts of interest → award →
-- milestones → acceptance. The status column is written only through the Challenge aggregate.

create table challenge (
    id                    bigserial primary key,
    ext_id                text not null unique,
    technology_code       text references key_core_technology (code),
    industry_code         text references industry (code),
    title_zh              text,
    title_en              text,
    problem_zh            text,
    problem_en            text,
    sponsor_kind          text not null check (sponsor_kind in ('department', 'enterprise')),
    sponsor_organization_id bigint references organization (id) on delete set null,
    created_by            bigint references app_user (id) on delete set null,
    budget                numeric(16, 2) check (budget >= 0),   -- yuan: the department's budget or the enterprise's reward
    duration_months       integer check (duration_months between 1 and 120),
    eligibility           text not null default 'any' check (eligibility in ('any', 'enterprise_and_academic')),
    ip_terms              text,
    deadline              timestamptz not null,
    status                text not null default 'draft' check (status in ('draft', 'published', 'under_review', 'awarded',
                              'in_progress', 'accepted', 'terminated', 'closed', 'cancelled')),
    rubric                jsonb not null,                        -- [{"code":"merit","zh":"…","en":"…","weight":40}, …]
    published_at          timestamptz,
    awarded_application_id bigint,
    award_rationale       text,
    awarded_at            timestamptz,
    verdict               text check (verdict in ('pass', 'fail')),
    verdict_note          text,
    closed_at             timestamptz,
    illustrative          boolean not null default false,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    version               integer not null default 0,
    check (title_zh is not null or title_en is not null)
);
create index challenge_status on challenge (status);
create index challenge_technology on challenge (technology_code);

create table challenge_target (
    id           bigserial primary key,
    challenge_id bigint not null references challenge (id) on delete cascade,
    position     integer not null,
    indicator    text not null,
    unit         text not null,
    threshold    numeric not null,
    higher_is_better boolean not null default true,
    unique (challenge_id, position)
);

create table challenge_application (
    id                   bigserial primary key,
    challenge_id         bigint not null references challenge (id) on delete cascade,
    lead_organization_id bigint not null references organization (id),
    applicant_user_id    bigint references app_user (id) on delete set null,
    plan                 text not null,
    status               text not null default 'submitted' check (status in ('submitted', 'won', 'lost')),
    submitted_at         timestamptz not null default now(),
    unique (challenge_id, lead_organization_id)
);
alter table challenge add constraint challenge_awarded_application
    foreign key (awarded_application_id) references challenge_application (id);

-- The consortium: the lead organization, partner organizations, named people.
create table application_member (
    id              bigserial primary key,
    application_id  bigint not null references challenge_application (id) on delete cascade,
    role            text not null check (role in ('lead', 'partner', 'person')),
    organization_id bigint references organization (id),
    person_id       bigint references person (id),
    check ((role = 'person') = (person_id is not null))
);
create index application_member_application on application_member (application_id);

create table application_commitment (
    application_id bigint not null references challenge_application (id) on delete cascade,
    target_id      bigint not null references challenge_target (id) on delete cascade,
    value          numeric not null,
    primary key (application_id, target_id)
);

create table application_attachment (
    id             bigserial primary key,
    application_id bigint not null references challenge_application (id) on delete cascade,
    file_name      text not null,
    content_type   text not null,
    size           integer not null check (size > 0),
    content        bytea not null,
    uploaded_at    timestamptz not null default now()
);

create table challenge_invitation (
    challenge_id    bigint not null references challenge (id) on delete cascade,
    organization_id bigint not null references organization (id) on delete cascade,
    invited_by      bigint references app_user (id) on delete set null,
    invited_at      timestamptz not null default now(),
    primary key (challenge_id, organization_id)
);

-- The review panel of a challenge: a reviewer sees and scores its applications, nothing else.
create table challenge_reviewer (
    challenge_id bigint not null references challenge (id) on delete cascade,
    user_id      bigint not null references app_user (id) on delete cascade,
    assigned_at  timestamptz not null default now(),
    primary key (challenge_id, user_id)
);

create table review_score (
    application_id   bigint not null references challenge_application (id) on delete cascade,
    reviewer_user_id bigint not null references app_user (id) on delete cascade,
    scores           jsonb not null,      -- {"merit": 85, …}, 0–100 per criterion
    total            numeric(6, 2) not null,
    comment          text,
    scored_at        timestamptz not null default now(),
    primary key (application_id, reviewer_user_id)
);

create table milestone (
    id           bigserial primary key,
    challenge_id bigint not null references challenge (id) on delete cascade,
    position     integer not null,
    title        text not null,
    deliverable  text not null,
    due_date     date not null,
    tranche      numeric(16, 2) not null default 0 check (tranche >= 0),
    unique (challenge_id, position)
);

create table milestone_report (
    id           bigserial primary key,
    milestone_id bigint not null references milestone (id) on delete cascade,
    progress     integer not null check (progress between 0 and 100),
    note         text not null,
    reported_by  bigint references app_user (id) on delete set null,
    reported_at  timestamptz not null default now()
);
create index milestone_report_milestone on milestone_report (milestone_id);

create table acceptance_evidence (
    challenge_id bigint not null references challenge (id) on delete cascade,
    target_id    bigint not null references challenge_target (id) on delete cascade,
    achieved     numeric not null,
    met          boolean not null,
    evidence     text not null,
    primary key (challenge_id, target_id)
);

-- Past open calls (CNKI's listing of 2017-09-26), read-only, with the line of the source file.
create table challenge_call_archive (
    source_line integer primary key,
    title       text not null,
    source      text,
    published   date,
    deadline    date
);
create extension if not exists pg_trgm;
create index challenge_call_archive_title on challenge_call_archive using gin (lower(title) gin_trgm_ops);
