package ru.cur.appeals.notification.post;

import ru.cur.appeals.OnPostgres;

@OnPostgres
class PostgresPostalLetterIT extends PostalLetterScenarios {}
