package ru.cur.appeals;

@OnH2
class H2AuditIT extends AuditScenarios {}
