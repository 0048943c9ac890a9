package ru.cur.appeals.analytics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import ru.cur.appeals.appeal.Channel;
import ru.cur.appeals.regulation.Step;

/**
 * The appeal engine's numbers for Prometheus ({@code /actuator/prometheus}). Counts come from the
 * application's tables, read every {@code appeals.metrics.refresh} into a snapshot that scrapes only look
 * at, so a scrape never queries the database and every node reports the same totals (aggregate them with
 * {@code max}, not {@code sum}). Received appeals and breaches never decrease, so they are counters; open,
 * overdue and the outbox are gauges. Task completion times are measured as tasks complete, per node.
 */
@Component
class AppealMetrics {

  private final JdbcClient jdbc;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final MeterRegistry registry;
  private final Clock clock;
  private final MultiGauge open;
  private final MultiGauge overdue;
  private final MultiGauge outbox;
  private final Map<String, Long> received = new ConcurrentHashMap<>();
  private final Map<String, Long> breaches = new ConcurrentHashMap<>();
  private final Map<String, Long> engine = new ConcurrentHashMap<>();

  AppealMetrics(JdbcClient jdbc, ManagementService management, RuntimeService runtime, MeterRegistry registry,
      Clock clock) {
    this.jdbc = jdbc;
    this.management = management;
    this.runtime = runtime;
    this.registry = registry;
    this.clock = clock;
    for (Channel channel : Channel.values()) {
      FunctionCounter.builder("appeals.received", received, counts -> counts.getOrDefault(channel.name(), 0L))
          .description("Appeals registered, by channel").tag("channel", channel.name()).register(registry);
    }
    for (Step step : Step.values()) {
      FunctionCounter.builder("appeals.deadline.breaches", breaches, counts -> counts.getOrDefault(step.name(), 0L))
          .description("Deadlines missed, by step").tag("step", step.variable()).register(registry);
    }
    open = MultiGauge.builder("appeals.open").description("Open appeals by status and organisation").register(registry);
    overdue = MultiGauge.builder("appeals.overdue").description("Open appeals past a deadline, by organisation")
        .register(registry);
    outbox = MultiGauge.builder("appeals.outbox").description("Notices to residents in the outbox, by status")
        .register(registry);
    for (String state : List.of("executable", "failed")) {
      Gauge.builder("camunda.jobs", engine, counts -> counts.getOrDefault(state, 0L))
          .description("The engine's jobs due now, and those out of retries").tag("state", state).register(registry);
    }
    Gauge.builder("camunda.incidents", engine, counts -> counts.getOrDefault("incidents", 0L))
        .description("Open incidents of the engine").register(registry);
    refresh();
  }

  /** Reads the counts again; scheduled, and called by tests that need the figures now. */
  @Scheduled(fixedDelayString = "${appeals.metrics.refresh:PT30S}", initialDelayString = "${appeals.metrics.refresh:PT30S}")
  public void refresh() {
    jdbc.sql("select channel, count(*) as n from appeal group by channel")
        .query((row, n) -> received.put(row.getString("channel"), row.getLong("n"))).list();
    jdbc.sql("select step, count(*) as n from deadline_breach group by step")
        .query((row, n) -> breaches.put(row.getString("step"), row.getLong("n"))).list();
    open.register(jdbc.sql("""
            select status, coalesce(organization, 'none') as organization, count(*) as n
              from appeal where status <> 'CLOSED' group by status, coalesce(organization, 'none')""")
        .query((row, n) -> MultiGauge.Row.of(
            Tags.of("status", row.getString("status"), "organization", row.getString("organization")),
            row.getLong("n")))
        .list(), true);
    overdue.register(jdbc.sql("""
            select coalesce(organization, 'none') as organization, count(*) as n from appeal
             where status <> 'CLOSED' and next_due_at < :now group by coalesce(organization, 'none')""")
        .param("now", OffsetDateTime.now(clock))
        .query((row, n) -> MultiGauge.Row.of(Tags.of("organization", row.getString("organization")), row.getLong("n")))
        .list(), true);
    outbox.register(jdbc.sql("select status, count(*) as n from notification_outbox group by status")
        .query((row, n) -> MultiGauge.Row.of(Tags.of("status", row.getString("status")), row.getLong("n")))
        .list(), true);
    engine.put("executable", management.createJobQuery().executable().count());
    engine.put("failed", management.createJobQuery().noRetriesLeft().count());
    engine.put("incidents", runtime.createIncidentQuery().count());
  }

  /** How long a clerk's task took from creation to completion, by task (Tasklist's task definition key). */
  @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_COMPLETE + "'")
  public void taskCompleted(DelegateTask task) {
    Duration took = Duration.between(task.getCreateTime().toInstant(), clock.instant());
    Timer.builder("appeals.task.completion")
        .description("Time from a task's creation to its completion")
        .tag("task", task.getTaskDefinitionKey())
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMinutes(1))
        .maximumExpectedValue(Duration.ofDays(60))
        .register(registry)
        .record(took.isNegative() ? Duration.ZERO : took);
  }
}
