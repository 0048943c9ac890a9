package ru.cur.appeals.regulation;

import java.time.LocalTime;

/** Part of a working day during which the office works, e.g. 09:00–13:00. */
record WorkingInterval(LocalTime start, LocalTime end) {
}
