package ru.cur.appeals.notification.post;

import ru.cur.appeals.OnH2;

@OnH2
class H2PostalLetterIT extends PostalLetterScenarios {}
