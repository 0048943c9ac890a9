-- Repeated appeals: the same resident about the same category and territory within a window is linked
-- to their earlier appeal and shown to the moderator (59-ФЗ art. 11 p. 5 for repeated questions).
alter table appeal add column repeat_of varchar(40);

-- The resident is recognised by any of their contacts.
create index ix_appeal_author_email on appeal (author_email);
create index ix_appeal_author_phone on appeal (author_phone);
create index ix_appeal_author_profile on appeal (author_profile_url);
