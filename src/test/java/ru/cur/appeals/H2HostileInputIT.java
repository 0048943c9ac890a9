package ru.cur.appeals;

@OnH2
class H2HostileInputIT extends HostileInputScenarios {}
