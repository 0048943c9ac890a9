package ru.cur.appeals;

@OnPostgres
class PostgresAppealLifecycleIT extends AppealLifecycleScenarios {}
