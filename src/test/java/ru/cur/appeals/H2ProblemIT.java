package ru.cur.appeals;

@OnH2
class H2ProblemIT extends ProblemScenarios {}
