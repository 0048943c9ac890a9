package ru.cur.appeals;

@OnH2
class H2DelegationIT extends DelegationScenarios {}
