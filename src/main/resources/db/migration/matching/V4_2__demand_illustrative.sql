-- Demands written by the project for the demo (no public source of enterprises' demands exists):
-- flagged like the registry's illustrative records, and labelled so in the pages.
alter table demand add column illustrative boolean not null default false;
