-- Import and write support for the registry (owner: registry data path).

-- A digest of each record's content as last written (see ContentHash): an upsert touches a row,
-- its updated_at and its version only when the digest differs, so a repeated import changes nothing.
alter table organization add column content_hash text;
alter table person add column content_hash text;
alter table output add column content_hash text;
alter table facility add column content_hash text;

-- Records of a running import whose links do not resolve yet (forward links within a file or
-- across files imported together), and records for other modules (demand), held here instead of
-- in the heap until the end of the import. Unlogged: a crash loses only the import in progress.
create unlogged table import_pending (
    import_id    uuid        not null,
    round        integer     not null,
    seq          bigint      not null,
    kind         text        not null,
    ext_id       text        not null,
    file         text        not null,
    line         bigint      not null,
    illustrative boolean     not null,
    payload      text        not null,
    created_at   timestamptz not null default now(),
    primary key (import_id, round, kind, seq)
);
create index import_pending_ext_id on import_pending (import_id, kind, ext_id);
