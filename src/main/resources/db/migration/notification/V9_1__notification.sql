-- The notification inbox (notification module): one row per recipient of a UserNotice, written by
-- the module's listener after the publishing transaction committed. The message is stored as its
-- key and bilingual arguments, so each reader sees it in their own language.

create table notification (
    id          bigint generated always as identity primary key,
    notice_id   uuid not null,                                   -- the event's id: delivering it again adds nothing
    user_id     bigint not null references app_user (id) on delete cascade,
    message_key text not null check (message_key like 'notification.%' and length(message_key) <= 200),
    args        jsonb not null default '[]' check (jsonb_typeof(args) = 'array'), -- [{"zh": …, "en": …}, …]
    link        text not null check (link like '/%' and link not like '//%' and length(link) <= 500),
    created_at  timestamptz not null default now(),
    read_at     timestamptz,
    unique (notice_id, user_id)
);
-- The inbox, newest first, and the unread count on every page the user opens.
create index notification_user_created on notification (user_id, created_at desc, id desc);
create index notification_user_unread on notification (user_id) where read_at is null;
