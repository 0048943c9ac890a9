-- Delegation chains (DMN appeal-delegation): what each level answered and what came of it, so that
-- the next level works with the whole correspondence and KPIs see who left problems unsolved.
create table appeal_level (
    appeal_id         bigint        not null references appeal (id),
    level             integer       not null,
    organization      varchar(64)   not null,
    answer_text       varchar(20000),
    answered_at       timestamp with time zone,
    -- NOT_SOLVED: the organisation said so; NOT_RESOLVED: the resident said so; NO_REPLY: the resident
    -- kept silent past the confirmation window.
    outcome           varchar(16)   not null,
    resident_comment  varchar(2000),
    handed_over_at    timestamp with time zone not null,
    primary key (appeal_id, level)
);
