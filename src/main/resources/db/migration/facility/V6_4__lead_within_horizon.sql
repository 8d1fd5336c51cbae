-- A lead time must be shorter than the horizon (BookingRules): a booking starts no earlier than the lead time
-- and no later than the horizon from now, so a lead time as long as the horizon or longer left no slot to book,
-- and the page and the API took it. The rules are checked again when a profile is read, so such a row would
-- make its instrument unreadable: its horizon is raised to the first whole day past the lead time (at most
-- 366 days, as the lead time is at most 525,600 minutes), keeping the notice its manager asked for, and the
-- database holds the rule from now on.
update facility_profile set horizon_days = lead_minutes / 1440 + 1 where lead_minutes >= horizon_days * 1440;
alter table facility_profile add constraint facility_profile_lead_within_horizon check (lead_minutes < horizon_days * 1440);
