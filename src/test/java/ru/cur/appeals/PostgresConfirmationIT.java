package ru.cur.appeals;

@OnPostgres
class PostgresConfirmationIT extends ConfirmationScenarios {}
