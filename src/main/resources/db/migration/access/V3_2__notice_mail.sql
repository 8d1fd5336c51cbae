-- Whether the user also receives their inbox notices by e-mail (when the platform has a mail server;
-- notification.NoticeMailer). On by default; the user turns it off and on on their account page.
alter table app_user add column notice_mail boolean not null default true;
