package ru.cur.appeals.analytics;

import java.time.LocalDate;
import java.util.List;

/**
 * Where and about what residents wrote in a period: one cell per territory and top-level category with
 * the appeals received, those still open and those open past a deadline now.
 */
record HeatMap(LocalDate from, LocalDate to, String channel, List<Cell> cells, Counts total) {

  record Cell(String territory, String territoryName, String category, String categoryName, long received,
      long open, long overdue) {

    Counts counts() {
      return new Counts(received, open, overdue);
    }
  }

  record Counts(long received, long open, long overdue) {

    static final Counts NONE = new Counts(0, 0, 0);

    Counts plus(Counts other) {
      return new Counts(received + other.received, open + other.open, overdue + other.overdue);
    }
  }
}
