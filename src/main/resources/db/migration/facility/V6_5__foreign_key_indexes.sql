-- Indexes for the foreign keys that had none (shared.db.ForeignKeyIndexIntegrationTests lists any left). Without one,
-- deleting or re-keying a referenced row (in app_user, booking, facility) scans the whole referencing table under a
-- lock, and every query joining or filtering by the key scans it too.
--
-- These tables may be large on a long-running installation: a plain CREATE INDEX blocks writes to its table while
-- it builds. To avoid that, build them beforehand by hand, outside a transaction, with the same names:
--   CREATE INDEX CONCURRENTLY IF NOT EXISTS <name> ON <table> (<column>);
-- then IF NOT EXISTS below skips them.

create index if not exists booking_decided_by on booking (decided_by); -- → app_user
create index if not exists booking_usage_confirmed_by on booking (usage_confirmed_by); -- → app_user
create index if not exists booking_usage_recorded_by on booking (usage_recorded_by); -- → app_user
create index if not exists booking_series_facility_id on booking_series (facility_id); -- → facility
create index if not exists booking_series_user_id on booking_series (user_id); -- → app_user
create index if not exists facility_training_granted_by on facility_training (granted_by); -- → app_user
create index if not exists maintenance_window_created_by on maintenance_window (created_by); -- → app_user
create index if not exists waitlist_entry_booking_id on waitlist_entry (booking_id); -- → booking
