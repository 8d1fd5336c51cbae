-- The collaboration network's links by kind: 'output' (outputs two organizations share) and each
-- declared link file (classpath*:links/*.sql, e.g. challenge.consortia: members of one consortium).
-- Derived data: rebuilt by every refresh.
drop table insight_link;
create table insight_link (
    source_id bigint  not null,
    target_id bigint  not null,
    kind      text    not null,
    records   integer not null,
    primary key (source_id, target_id, kind)
);
