package ru.cur.appeals;

@OnH2
class H2AppealLifecycleIT extends AppealLifecycleScenarios {}
