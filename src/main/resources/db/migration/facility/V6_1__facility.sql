-- Facilities (facility module): the booking side of the registry's facility records (V2_1
-- `facility` stays the catalog of record; every table here refers to it by foreign key), bookings
-- that the database itself never lets overlap, usage and fees, training, maintenance windows, the
-- waitlist and calendar feeds. Times are timestamptz (UTC inside), shown in Asia/Shanghai.

-- btree_gist lets one exclusion constraint combine equality on facility_id with range overlap.
-- It ships with PostgreSQL (contrib; present in the embedded zonky binaries). On an external
-- server the migrating role must be allowed to create it (or an administrator creates it once).
create extension if not exists btree_gist;

-- The catalog extension: where the instrument is, what it is, what it can do, what it costs and
-- how it is booked. A facility without a row here is booked with the defaults of FacilityProfile.
create table facility_profile (
    facility_id       bigint primary key references facility (id) on delete cascade,
    location_zh       text,
    location_en       text,
    model             text,
    maker             text,
    capabilities_zh   text,
    capabilities_en   text,
    fee_unit          text not null default 'hour' check (fee_unit in ('hour', 'sample')),
    internal_rate     numeric(12, 2) not null default 0 check (internal_rate >= 0),
    external_rate     numeric(12, 2) not null default 0 check (external_rate >= 0),
    min_minutes       integer not null default 30 check (min_minutes > 0),
    max_minutes       integer not null default 480 check (max_minutes >= min_minutes and max_minutes <= 44640),
    slot_minutes      integer not null default 60 check (slot_minutes in (15, 30, 60, 120)),
    lead_minutes      integer not null default 0 check (lead_minutes >= 0),
    horizon_days      integer not null default 90 check (horizon_days between 1 and 730),
    approval_required boolean not null default true,
    training_required boolean not null default false,
    updated_at        timestamptz not null default now(),
    version           integer not null default 0
);

-- Opening hours per ISO weekday (1 = Monday) as minutes of the local day, [opens, closes);
-- closes = 1440 is midnight. A weekday without a row is closed. Written whole with the profile.
create table facility_opening_hours (
    facility_id  bigint not null references facility (id) on delete cascade,
    weekday      smallint not null check (weekday between 1 and 7),
    opens_minute integer not null check (opens_minute between 0 and 1439),
    closes_minute integer not null check (closes_minute between 1 and 1440),
    primary key (facility_id, weekday),
    check (closes_minute > opens_minute)
);

-- The instrument's managers: they approve bookings, confirm usage, keep maintenance and training.
create table facility_manager (
    facility_id bigint not null references facility (id) on delete cascade,
    user_id     bigint not null references app_user (id) on delete cascade,
    primary key (facility_id, user_id)
);
create index facility_manager_user on facility_manager (user_id);

-- Who is trained on an instrument, until when (null: no expiry).
create table facility_training (
    facility_id bigint not null references facility (id) on delete cascade,
    user_id     bigint not null references app_user (id) on delete cascade,
    valid_until date,
    granted_by  bigint references app_user (id) on delete set null,
    granted_at  timestamptz not null default now(),
    primary key (facility_id, user_id)
);
create index facility_training_user on facility_training (user_id);

create table maintenance_window (
    id          bigint generated always as identity primary key,
    facility_id bigint not null references facility (id) on delete cascade,
    period      tstzrange not null check (not isempty(period) and not lower_inf(period) and not upper_inf(period)),
    reason      text,
    created_by  bigint references app_user (id) on delete set null,
    created_at  timestamptz not null default now(),
    constraint maintenance_window_no_overlap exclude using gist (facility_id with =, period with &&)
);

-- A weekly recurring request: its occurrences are bookings with this series_id.
create table booking_series (
    id             bigint generated always as identity primary key,
    facility_id    bigint not null references facility (id) on delete cascade,
    user_id        bigint not null references app_user (id) on delete cascade,
    first_start    timestamptz not null,
    minutes        integer not null check (minutes > 0),
    occurrences    integer not null check (occurrences between 1 and 52),
    skip_conflicts boolean not null,
    created_at     timestamptz not null default now()
);

create table booking (
    id                 bigint generated always as identity primary key,
    -- no cascade: a facility with bookings (financial records) cannot be deleted
    facility_id        bigint not null references facility (id),
    user_id            bigint not null references app_user (id),
    organization_id    bigint references organization (id) on delete set null, -- the booker's, when booked
    period             tstzrange not null,
    status             text not null default 'pending'
                       check (status in ('pending', 'approved', 'in_use', 'completed', 'cancelled', 'no_show', 'rejected')),
    purpose            text,
    rate_class         text not null check (rate_class in ('internal', 'external')),
    series_id          bigint references booking_series (id) on delete set null,
    actual_start       timestamptz,
    actual_end         timestamptz,
    used_hours         numeric(10, 2) check (used_hours >= 0),
    used_samples       integer check (used_samples >= 0),
    fee_unit           text check (fee_unit in ('hour', 'sample')),
    unit_rate          numeric(12, 2),
    fee                numeric(14, 2),
    usage_recorded_by  bigint references app_user (id) on delete set null,
    usage_confirmed_by bigint references app_user (id) on delete set null,
    usage_confirmed_at timestamptz,
    decided_by         bigint references app_user (id) on delete set null,
    decided_at         timestamptz,
    note               text,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    version            integer not null default 0,
    check (not isempty(period) and not lower_inf(period) and not upper_inf(period)
           and lower_inc(period) and not upper_inc(period)),
    -- Never a double booking: no two bookings of one facility that hold their slot may overlap.
    -- '[)' ranges, so a booking that ends when the next begins is allowed.
    constraint booking_no_overlap exclude using gist (facility_id with =, period with &&)
        where (status in ('pending', 'approved', 'in_use'))
);
create index booking_facility_period on booking using gist (facility_id, period);
create index booking_user on booking (user_id);
create index booking_organization on booking (organization_id);
create index booking_series_id on booking (series_id);

-- Waiting for a slot that is taken; when it is freed, the next in line is offered it.
create table waitlist_entry (
    id               bigint generated always as identity primary key,
    facility_id      bigint not null references facility (id) on delete cascade,
    user_id          bigint not null references app_user (id) on delete cascade,
    period           tstzrange not null check (not isempty(period) and not lower_inf(period) and not upper_inf(period)),
    purpose          text,
    status           text not null default 'waiting'
                     check (status in ('waiting', 'offered', 'booked', 'declined', 'expired', 'withdrawn')),
    offered_at       timestamptz,
    offer_expires_at timestamptz,
    booking_id       bigint references booking (id) on delete set null,
    created_at       timestamptz not null default clock_timestamp(),
    updated_at       timestamptz not null default now()
);
create index waitlist_entry_facility on waitlist_entry (facility_id, status, created_at);
create index waitlist_entry_user on waitlist_entry (user_id);

-- A user's calendar feed: the SHA-256 of the secret in the feed's URL (the secret itself is shown once).
create table calendar_feed (
    user_id    bigint primary key references app_user (id) on delete cascade,
    token_hash text not null unique,
    created_at timestamptz not null default now()
);
