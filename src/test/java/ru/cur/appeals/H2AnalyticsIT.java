package ru.cur.appeals;

@OnH2
class H2AnalyticsIT extends AnalyticsScenarios {}
