-- Notices by e-mail (notification.NoticeMailer): each inbox row remembers whether its e-mail went out,
-- so a retry after a failure sends only to the recipients still waiting, never twice to the others,
-- and how often sending it failed, so a retry is bounded.
alter table notification add column mailed_at timestamptz;
alter table notification add column mail_attempts smallint not null default 0 check (mail_attempts >= 0);
-- The rows of one notice still to be mailed, found by the notice's id.
create index notification_notice_unmailed on notification (notice_id) where mailed_at is null;
