package ru.cur.appeals;

@OnPostgres
class PostgresIntakeValidationIT extends IntakeValidationScenarios {}
