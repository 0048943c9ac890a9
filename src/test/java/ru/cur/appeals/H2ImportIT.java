package ru.cur.appeals;

@OnH2
class H2ImportIT extends ImportScenarios {}
