-- The inbox retention (notification.InboxRetention) deletes notices read long ago in batches: each
-- batch finds its rows by the reading time instead of reading the whole table.
create index notification_read_at on notification (read_at) where read_at is not null;
