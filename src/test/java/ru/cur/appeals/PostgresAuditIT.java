package ru.cur.appeals;

@OnPostgres
class PostgresAuditIT extends AuditScenarios {}
