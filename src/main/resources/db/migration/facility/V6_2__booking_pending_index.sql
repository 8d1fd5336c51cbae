-- The bookings waiting for a manager's approval are counted on every page the manager opens (the
-- count on the instruments link, `helix bench nav`). Without this index the count reads all the
-- bookings of the managed instruments that hold their slot (the exclusion constraint's index:
-- pending, approved and in use, the whole booking horizon) or scans the table; with it, only
-- the pending ones, from the index alone. Pending bookings are few, so the index is small.
create index booking_pending_facility on booking (facility_id) where status = 'pending';
