package ru.cur.appeals;

@OnPostgres
class PostgresAnalyticsIT extends AnalyticsScenarios {}
