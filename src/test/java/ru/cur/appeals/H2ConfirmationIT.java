package ru.cur.appeals;

@OnH2
class H2ConfirmationIT extends ConfirmationScenarios {}
