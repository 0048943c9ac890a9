package ru.cur.appeals.cluster;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * What the cluster did, checked against what the channels were told: every acknowledged appeal in the registry
 * with its process instance, and every timer, reminder, escalation and notice once. Read from the database the
 * nodes share and from what the publisher received.
 */
final class Reconciliation {

  /** The deadline timers, whose firing is an escalation: a control task for the supervisors. */
  private static final String DEADLINE_TIMERS =
      "'Event_ModerationDeadline', 'Event_FirstReplyDeadline', 'Event_AnswerDeadline'";

  private final DataSource database;
  private final LoadDriver load;
  private final PublisherStub publisher;
  private final List<String> lost = new ArrayList<>();
  private final List<String> duplicated = new ArrayList<>();
  private final List<String> unsettled = new ArrayList<>();

  Reconciliation(DataSource database, LoadDriver load, PublisherStub publisher) {
    this.database = database;
    this.load = load;
    this.publisher = publisher;
  }

  /** Nothing left to do now: no due timer, no due or held notice. */
  boolean quiet() throws SQLException {
    return count("select count(*) from act_ru_job where type_ = 'timer' and duedate_ <= now() and retries_ > 0") == 0
        && count("""
            select count(*) from notification_outbox
            where status = 'SENDING' or status = 'PENDING' and next_attempt_at <= now()""") == 0;
  }

  /** Prints the reconciliation; true when nothing was lost or duplicated. */
  boolean print(PrintStream out) throws SQLException {
    appeals(out);
    timers(out);
    notices(out);
    out.println();
    out.printf("%d lost, %d duplicated%n", lost.size(), duplicated.size());
    lost.forEach(line -> out.println("  lost: " + line));
    duplicated.forEach(line -> out.println("  duplicated: " + line));
    unsettled.forEach(line -> out.println("  unsettled: " + line));
    return lost.isEmpty() && duplicated.isEmpty() && unsettled.isEmpty();
  }

  private void appeals(PrintStream out) throws SQLException {
    Map<String, String[]> registry = new HashMap<>();
    query("select registration_number, process_instance_id, status from appeal",
        row -> registry.put(row.getString(1), new String[] {row.getString(2), row.getString(3)}));
    Set<String> running = strings("""
        select distinct proc_inst_id_ from act_ru_execution where proc_def_id_ like 'citizen-appeal:%'""");
    Set<String> finished = strings("""
        select id_ from act_hi_procinst where proc_def_key_ = 'citizen-appeal' and end_time_ is not null""");
    Set<String> waiting = strings("""
        select proc_inst_id_ from act_ru_task union select proc_inst_id_ from act_ru_event_subscr
        union select process_instance_id_ from act_ru_job""");

    int acknowledged = 0;
    int created = 0;
    int inRegistry = 0;
    int withRunning = 0;
    int withFinished = 0;
    for (Map.Entry<String, LoadDriver.Ack> entry : load.acks().entrySet()) {
      LoadDriver.Ack ack = entry.getValue();
      acknowledged++;
      created += ack.status() == 201 ? 1 : 0;
      String[] appeal = registry.get(ack.registrationNumber());
      if (appeal == null) {
        lost.add(ack.registrationNumber() + " (" + entry.getKey() + ") acknowledged by " + ack.node()
            + " and not in the registry");
        continue;
      }
      inRegistry++;
      if (running.contains(appeal[0])) {
        withRunning++;
        if (!waiting.contains(appeal[0])) {
          lost.add(ack.registrationNumber() + " has a running instance waiting for nothing");
        }
      } else if (finished.contains(appeal[0])) {
        withFinished++;
      } else {
        lost.add(ack.registrationNumber() + " has no process instance");
      }
    }
    load.givenUp().forEach((externalId, why) -> lost.add(externalId + " never acknowledged: " + why));
    load.conflicting().forEach(externalId -> duplicated.add(externalId + " acknowledged under two numbers"));
    query("""
        select channel, external_id, count(*) from appeal where external_id is not null
        group by channel, external_id having count(*) > 1""",
        row -> duplicated.add("appeal " + row.getString(1) + "/" + row.getString(2) + " stored "
            + row.getInt(3) + " times"));
    int moderatedOn = 0;
    for (String number : load.moderated()) {
      String[] appeal = registry.get(number);
      if (appeal != null && !"MODERATION".equals(appeal[1]) && !"REGISTERED".equals(appeal[1])) {
        moderatedOn++;
      } else {
        lost.add(number + ": its moderation was confirmed, the appeal is still " + (appeal == null ? "?" : appeal[1]));
      }
    }

    out.println("Appeals");
    out.printf("  acknowledged by the nodes      %d (%d with 201, %d with 200: a retry found the first try stored)%n",
        acknowledged, created, acknowledged - created);
    out.printf("  never acknowledged             %d%n", load.givenUp().size());
    out.printf("  in the registry                %d%n", inRegistry);
    out.printf("  with a running instance        %d (each waiting in a task, a timer or a message)%n", withRunning);
    out.printf("  with a finished instance       %d%n", withFinished);
    out.printf("  moderated, and moved on        %d of %d%n", moderatedOn, load.moderated().size());
    out.printf("  stored twice (channel+id)      %d%n", count("""
        select count(*) from (select 1 from appeal where external_id is not null
        group by channel, external_id having count(*) > 1) twice"""));
    out.printf("  requests without an answer     %d, 5xx %d (sent again, to the next node)%n",
        load.unanswered(), load.serverErrors());
  }

  private void timers(PrintStream out) throws SQLException {
    query("""
        select p.business_key_, a.act_id_, count(*) from act_hi_actinst a
        join act_hi_procinst p on p.id_ = a.proc_inst_id_
        where a.act_type_ = 'boundaryTimer' group by p.business_key_, a.act_id_ having count(*) > 1""",
        row -> duplicated.add("timer " + row.getString(2) + " of " + row.getString(1) + " fired "
            + row.getInt(3) + " times"));
    query("""
        select a.registration_number, s.recipient_user, s.recipient_group, count(*) from staff_notification s
        join appeal a on a.id = s.appeal_id
        group by a.registration_number, s.recipient_user, s.recipient_group, s.kind, s.payload having count(*) > 1""",
        row -> duplicated.add("reminder of " + row.getString(1) + " to " + (row.getString(2) != null
            ? row.getString(2) : row.getString(3)) + " written " + row.getInt(4) + " times"));
    query("""
        select p.business_key_, coalesce(t.tasks, 0), coalesce(d.deadlines, 0) from act_hi_procinst p
        left join (select proc_inst_id_, count(*) tasks from act_hi_taskinst
          where task_def_key_ = 'control-overdue' group by proc_inst_id_) t on t.proc_inst_id_ = p.id_
        left join (select proc_inst_id_, count(*) deadlines from act_hi_actinst
          where act_id_ in (%s) group by proc_inst_id_) d on d.proc_inst_id_ = p.id_
        where coalesce(t.tasks, 0) <> coalesce(d.deadlines, 0)""".formatted(DEADLINE_TIMERS),
        row -> (row.getInt(2) > row.getInt(3) ? duplicated : lost).add("escalation of " + row.getString(1) + ": "
            + row.getInt(2) + " control tasks for " + row.getInt(3) + " missed deadlines"));
    long overdueTimers = count("""
        select count(*) from act_ru_job where type_ = 'timer' and duedate_ < now() - interval '1 minute'""");
    if (overdueTimers > 0) {
      unsettled.add(overdueTimers + " timers due over a minute ago have not fired");
    }
    long incidents = count("select count(*) from act_ru_incident");
    if (incidents > 0) {
      unsettled.add(incidents + " incidents (jobs that failed every retry)");
    }

    out.println("Timers, reminders, escalations");
    out.printf("  timers fired                   %d (reminders %d, deadlines %d); fired twice: %d%n",
        count("select count(*) from act_hi_actinst where act_type_ = 'boundaryTimer'"),
        count("select count(*) from act_hi_actinst where act_type_ = 'boundaryTimer' and act_id_ like '%Reminder'"),
        count("select count(*) from act_hi_actinst where act_id_ in (" + DEADLINE_TIMERS + ")"),
        count("""
            select count(*) from (select 1 from act_hi_actinst where act_type_ = 'boundaryTimer'
            group by proc_inst_id_, act_id_ having count(*) > 1) twice"""));
    out.printf("  timers due and not fired       %d%n", overdueTimers);
    out.printf("  reminders written              %d (a reminder whose deadline passed too stays silent)%n",
        count("select count(*) from staff_notification"));
    out.printf("  breaches recorded              %d (also of steps done late), control tasks %d%n",
        count("select count(*) from deadline_breach"),
        count("select count(*) from act_hi_taskinst where task_def_key_ = 'control-overdue'"));
    out.printf("  incidents                      %d%n", incidents);
  }

  private void notices(PrintStream out) throws SQLException {
    query("""
        select a.registration_number, n.kind, count(*) from notification_outbox n join appeal a on a.id = n.appeal_id
        group by a.registration_number, n.kind having count(*) > 1""",
        row -> duplicated.add("notice " + row.getString(2) + " of " + row.getString(1) + " owed "
            + row.getInt(3) + " times"));
    Set<Long> sentByWebhook = new HashSet<>();
    query("select id from notification_outbox where status = 'SENT' and delivered_via = 'webhook'",
        row -> sentByWebhook.add(row.getLong(1)));
    Set<Long> received = publisher.deliveries().values().stream().map(PublisherStub.Delivery::noticeId)
        .collect(Collectors.toSet());
    publisher.deliveries().values().stream()
        .collect(Collectors.groupingBy(delivery -> delivery.kind() + " of " + delivery.registrationNumber(),
            Collectors.counting()))
        .forEach((notice, keys) -> {
          if (keys > 1) {
            duplicated.add("notice " + notice + " published " + keys + " times, under different keys");
          }
        });
    sentByWebhook.stream().filter(id -> !received.contains(id))
        .forEach(id -> lost.add("notice " + id + " marked sent by webhook, never received"));
    long postalLetters = count("select count(*) from act_hi_procinst where proc_def_key_ = 'postal-letter'");
    long sentByPost = count("select count(*) from notification_outbox where status = 'SENT' and delivered_via = 'post'");
    if (postalLetters > sentByPost) {
      duplicated.add((postalLetters - sentByPost) + " more mailing tasks than printed notices");
    }
    long open = count("select count(*) from notification_outbox where status in ('PENDING', 'SENDING')");
    if (open > 0) {
      unsettled.add(open + " notices still pending or being sent");
    }

    out.println("Notices to residents");
    query("select status, coalesce(delivered_via, '-'), count(*) from notification_outbox group by 1, 2 order by 1, 2",
        row -> out.printf("  %-14s %-8s %d%n", row.getString(1), row.getString(2), row.getInt(3)));
    out.printf("  owed twice (appeal and kind)   %d%n", count("""
        select count(*) from (select 1 from notification_outbox group by appeal_id, kind having count(*) > 1) twice"""));
    out.printf("  published by the publisher     %d notices, from %d requests%n", publisher.deliveries().size(),
        publisher.deliveries().values().stream().mapToInt(delivery -> delivery.times().get()).sum());
    publisher.deliveries().values().stream().filter(delivery -> delivery.times().get() > 1).forEach(delivery ->
        out.printf("  sent again after the kill      notice %d (%s of %s) %d times under one Idempotency-Key:"
            + " published once%n", delivery.noticeId(), delivery.kind(), delivery.registrationNumber(),
            delivery.times().get()));
    out.printf("  printed letters                %d letters, %d mailing tasks for %d notices sent by post%n",
        count("select count(*) from printed_letter"), postalLetters, sentByPost);
  }

  @FunctionalInterface
  private interface Row {
    void read(ResultSet row) throws SQLException;
  }

  private void query(String sql, Row row) throws SQLException {
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        row.read(result);
      }
    }
  }

  private long count(String sql) throws SQLException {
    long[] count = new long[1];
    query(sql, row -> count[0] = row.getLong(1));
    return count[0];
  }

  private Set<String> strings(String sql) throws SQLException {
    Set<String> values = new HashSet<>();
    query(sql, row -> values.add(row.getString(1)));
    return values;
  }
}
