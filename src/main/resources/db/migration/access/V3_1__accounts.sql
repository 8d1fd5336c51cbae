-- Accounts, roles and the audit trail (access module).
-- No account is created here, nor anywhere else: the first administrator is made on the server
-- with `./helix user add --role ADMIN`. There is no default credential.

create table app_user (
    id                  bigint generated always as identity primary key,
    email               text not null check (email = lower(email) and position('@' in email) > 1),
    name                text not null check (length(name) between 1 and 200),
    organization_id     bigint references organization (id) on delete set null,
    person_id           bigint references person (id) on delete set null, -- the researcher's own profile
    password_hash       text not null,                                     -- {bcrypt}…, never a plain or MD5 value
    status              text not null default 'pending' check (status in ('pending', 'active', 'disabled')),
    failed_attempts     integer not null default 0 check (failed_attempts >= 0),
    locked_until        timestamptz,
    approved_by         bigint references app_user (id),
    approved_at         timestamptz,
    password_changed_at timestamptz not null default now(),
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);
create unique index app_user_email on app_user (email);
create index app_user_organization on app_user (organization_id);
create index app_user_status on app_user (status);

-- A user holds several roles; their scopes combine by union.
create table user_role (
    user_id bigint not null references app_user (id) on delete cascade,
    role    text not null check (role in ('ADMIN', 'ORG_ADMIN', 'ENTERPRISE', 'RESEARCHER', 'REVIEWER', 'STUDENT')),
    primary key (user_id, role)
);
create index user_role_role on user_role (role);

-- The audit trail: who, when, from where, what, and the values before and after.
-- Append-only: the triggers below refuse UPDATE, DELETE and TRUNCATE.
create table audit_log (
    id             bigint generated always as identity primary key,
    at             timestamptz not null default clock_timestamp(),
    actor          text not null,   -- the user's email, or 'cli', 'system', 'anonymous'
    actor_user_id  bigint,          -- no foreign key: the trail outlives what it describes
    remote_address text,
    user_agent     text,
    action         text not null,   -- create, update, delete, import, approve, lock, …
    entity_kind    text not null,   -- organization, person, user, …
    entity_id      text,
    before         jsonb,
    after          jsonb
);
create index audit_log_at on audit_log (at);
create index audit_log_entity on audit_log (entity_kind, entity_id);
create index audit_log_actor on audit_log (actor);

create function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % is refused', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_log_no_update_or_delete
    before update or delete on audit_log
    for each row execute function audit_log_refuse_change();

create trigger audit_log_no_truncate
    before truncate on audit_log
    for each statement execute function audit_log_refuse_change();

-- The organizations within an organization's subtree (itself, its units, their units, …), for
-- data-scope conditions: `organization_id in (select id from organization_subtree(:root))`.
-- UNION (not UNION ALL) ends the walk even if a parent link ever forms a cycle.
create function organization_subtree(root bigint) returns table (id bigint)
    language sql stable as $$
    with recursive subtree(id) as (
        select o.id from organization o where o.id = root
        union
        select c.id from organization c join subtree s on c.parent_id = s.id
    )
    select subtree.id from subtree
$$;
