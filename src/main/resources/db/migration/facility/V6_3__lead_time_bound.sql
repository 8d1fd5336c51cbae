-- A lead time is at most a year (BookingRules.MAX_LEAD_MINUTES): the page and the API refused only
-- negative values before, and 2147483647 minutes (4,000 years) was taken. The rules are checked again
-- when a profile is read, so a row above the bound would make its instrument unreadable: such a row is
-- brought down to the bound (a year ahead is as far as any horizon reaches anyway), and the database
-- holds the bound from now on, as it holds the horizon's.
update facility_profile set lead_minutes = 525600 where lead_minutes > 525600;
alter table facility_profile drop constraint if exists facility_profile_lead_minutes_check;
alter table facility_profile add constraint facility_profile_lead_minutes_check check (lead_minutes between 0 and 525600);
