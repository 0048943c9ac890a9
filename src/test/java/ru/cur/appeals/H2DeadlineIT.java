package ru.cur.appeals;

@OnH2
class H2DeadlineIT extends DeadlineScenarios {}
