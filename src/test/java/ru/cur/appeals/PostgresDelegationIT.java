package ru.cur.appeals;

@OnPostgres
class PostgresDelegationIT extends DelegationScenarios {}
