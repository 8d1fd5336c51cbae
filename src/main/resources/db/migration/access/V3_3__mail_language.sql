-- The language of the pages a visitor registered in ('zh' or 'en'), for the e-mails sent to them: the turn-down of
-- their registration (notification.RejectionMailer) and their notices (notification.NoticeMailer) are written in it
-- alone. Null when unknown: accounts registered before it was recorded and accounts made on the command line or by
-- an administrator, whose e-mails stay in Chinese then English. A nullable column without a default: adding it
-- rewrites no row.
alter table app_user add column language text check (language in ('zh', 'en'));
