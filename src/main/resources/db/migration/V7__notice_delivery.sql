-- Delivery of the notices owed to residents (notification/delivery): each row of notification_outbox is
-- claimed by one node at a time, sent outside any transaction, then marked. Status is one of
-- PENDING (due at next_attempt_at), SENDING (claimed_by holds it until claimed_until; a node that died
-- while sending loses it then), SENT, FAILED (retries exhausted or refused for good; last_error says why)
-- and UNDELIVERABLE (no way to reach the resident; last_error says why). Staff put the last two back.

alter table notification_outbox add column attempts integer default 0 not null;
alter table notification_outbox add column next_attempt_at timestamp with time zone;
alter table notification_outbox add column last_error varchar(2000);
alter table notification_outbox add column claimed_by varchar(100);
alter table notification_outbox add column claimed_until timestamp with time zone;
alter table notification_outbox add column sent_at timestamp with time zone;
alter table notification_outbox add column delivered_via varchar(16);

-- Notices owed before delivery existed are due at once.
update notification_outbox set next_attempt_at = created_at;
alter table notification_outbox alter column next_attempt_at set not null;

-- The picker: due pending notices, oldest first; claims whose node died; counts per status for health.
drop index ix_outbox_status;
create index ix_outbox_due on notification_outbox (status, next_attempt_at, id);
create index ix_outbox_claim on notification_outbox (status, claimed_until);
