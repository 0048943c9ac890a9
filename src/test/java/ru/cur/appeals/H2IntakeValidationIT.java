package ru.cur.appeals;

@OnH2
class H2IntakeValidationIT extends IntakeValidationScenarios {}
