package ru.cur.appeals;

@OnPostgres
class PostgresImportIT extends ImportScenarios {}
