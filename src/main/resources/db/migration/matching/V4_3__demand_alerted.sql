-- Demand alerts (matching/demand/DemandAlerts): when the experts and laboratories that fit an open,
-- visible demand were told of it. Set once, by the alert itself, so that an edit or a reopening does
-- not tell them again; null while the demand has not been announced (a draft for its parties only,
-- a closed one, or alerts switched off).
alter table demand add column alerted_at timestamptz;

-- The demands that existed before alerts did are not announced when they are next edited.
update demand set alerted_at = created_at;
