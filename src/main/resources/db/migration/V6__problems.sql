-- Problems («снежный кейс»): many appeals about one thing, solved once by one organisation; every
-- linked appeal gets the problem's answer in its own process, with its own deadlines.
create sequence problem_seq start with 1;

create table problem (
    id                   bigint        primary key,
    number               varchar(40)   not null,
    category             varchar(64)   not null,
    territory            varchar(64)   not null,
    lat                  double precision,
    lon                  double precision,
    address              varchar(1000),
    organization         varchar(64)   not null,
    status               varchar(16)   not null,
    answer_text          varchar(20000),
    created_at           timestamp with time zone not null,
    answered_at          timestamp with time zone,
    process_instance_id  varchar(64),
    constraint uq_problem_number unique (number)
);

-- The moderator's suggestions: open problems of a category and territory, newest first.
create index ix_problem_open on problem (status, territory, category, created_at);

alter table appeal add column problem varchar(40);
create index ix_appeal_problem on appeal (problem);
