-- The managers' figures count appeals by the day they were answered (analytics/Analytics); the day they
-- were received has its index since V1.
create index ix_appeal_answered on appeal (answered_at);
