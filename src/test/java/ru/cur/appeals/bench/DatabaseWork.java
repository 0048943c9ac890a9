package ru.cur.appeals.bench;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the database did for the requests of a load, per request, from PostgreSQL's {@code pg_stat_statements}:
 * how many statements, how long they ran, and which of them cost most. Beside a throughput it says where the
 * time of one side goes that the other side does not spend. Counts everything the database ran meanwhile (the
 * job executor's acquisitions, logins): both sides alike.
 */
final class DatabaseWork {

  /** One normalised statement's work over the loads of a side. */
  private record Statement(String query, long calls, double millis, long rows) {

    Statement plus(Statement other) {
      return new Statement(query, calls + other.calls, millis + other.millis, rows + other.rows);
    }
  }

  private static final int LISTED = 30;

  private final JdbcClient jdbc;
  private final boolean available;
  private final Map<String, Map<String, Statement>> bySide = new LinkedHashMap<>();
  private final Map<String, Integer> requests = new LinkedHashMap<>();

  /** Counts nothing where the server was not started with the extension's library. */
  DatabaseWork(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.available = jdbc.sql("select count(*) from pg_settings where name = 'shared_preload_libraries'"
        + " and setting like '%pg_stat_statements%'").query(Long.class).single() > 0;
    if (available) {
      jdbc.sql("create extension if not exists pg_stat_statements").update();
    }
  }

  /** Forgets what the database ran so far: the next {@link #add} counts from here. */
  void reset() {
    if (available) {
      jdbc.sql("select pg_stat_statements_reset()").query(Object.class).single();
    }
  }

  /** What the database ran since the last reset, counted for {@code side}'s {@code count} requests; then resets. */
  void add(String side, int count) {
    if (!available) {
      return;
    }
    Map<String, Statement> statements = bySide.computeIfAbsent(side, s -> new TreeMap<>());
    jdbc.sql("""
        select query, calls, total_exec_time, rows from pg_stat_statements
         where dbid = (select oid from pg_database where datname = current_database())
           and query not like '%pg_stat_statements%'""")
        .query((rs, row) -> new Statement(rs.getString(1), rs.getLong(2), rs.getDouble(3), rs.getLong(4)))
        .list()
        .forEach(statement -> statements.merge(statement.query(), statement, Statement::plus));
    requests.merge(side, count, Integer::sum);
    reset();
  }

  /** Per side: statements and database milliseconds per request, and the costliest statements. */
  void report(BenchResults results) {
    if (!available) {
      results.detail("databaseWork", "unavailable", "the server was started without pg_stat_statements");
      return;
    }
    bySide.forEach((side, statements) -> {
      double count = requests.get(side);
      results.figure("databaseWork", side + "StatementsPerRequest", "database statements per request, " + side,
          statements.values().stream().mapToLong(Statement::calls).sum() / count, "", "", null);
      results.figure("databaseWork", side + "MillisPerRequest", "database time per request, " + side,
          statements.values().stream().mapToDouble(Statement::millis).sum() / count, "ms", "", null);
      List<Map<String, Object>> costliest = statements.values().stream()
          .sorted(Comparator.comparingDouble(Statement::millis).reversed()).limit(LISTED)
          .map(statement -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("callsPerRequest", round(statement.calls() / count));
            line.put("millisPerRequest", round(statement.millis() / count));
            line.put("rowsPerRequest", round(statement.rows() / count));
            line.put("query", statement.query().replaceAll("\\s+", " "));
            return line;
          })
          .toList();
      results.detail("databaseWork", side + "Costliest", costliest);
      System.out.println("Costliest statements per request, " + side + ":");
      costliest.forEach(line -> System.out.printf(Locale.ROOT, "  %6.2f calls %7.3f ms %6.2f rows  %.150s%n",
          line.get("callsPerRequest"), line.get("millisPerRequest"), line.get("rowsPerRequest"), line.get("query")));
    });
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
