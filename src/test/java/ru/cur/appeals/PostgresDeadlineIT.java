package ru.cur.appeals;

@OnPostgres
class PostgresDeadlineIT extends DeadlineScenarios {}
