package ru.cur.appeals;

@OnPostgres
class PostgresHostileInputIT extends HostileInputScenarios {}
