package ru.cur.appeals;

@OnPostgres
class PostgresProblemIT extends ProblemScenarios {}
