package ru.cur.appeals.regulation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;

import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.appeal.AppealRepository;
import ru.cur.appeals.regulation.Deadline.State;
import ru.cur.appeals.regulation.RegulationTable.Term;
import ru.cur.appeals.system.TransactionState;

/**
 * The deadlines of appeals: set from DMN {@code appeal-regulation} and the production calendar when a
 * step starts, met or missed when it ends, extended once under 59-ФЗ. The public face of the
 * regulation for the other features.
 *
 * <p>An appeal keeps the version of the table it was first given: a process owner's new version
 * applies to new appeals, never to the commitments already made to a resident.
 */
@Component
public class Deadlines {

  private static final String COLUMNS = """
      appeal_id, step, started_at, due_at, remind_at, term, unit, reminder_before, reminder_unit,
      extended_days, state, done_at""";

  private final JdbcClient jdbc;
  private final RegulationTable table;
  private final WorkingTime workingTime;
  private final AppealRepository appeals;
  private final Clock clock;

  Deadlines(JdbcClient jdbc, RegulationTable table, WorkingTime workingTime, AppealRepository appeals,
      Clock clock) {
    this.jdbc = jdbc;
    this.table = table;
    this.workingTime = workingTime;
    this.appeals = appeals;
    this.clock = clock;
  }

  /**
   * Starts the step's clock at {@code from}: its due time and reminder point from the appeal's version
   * of the table. Starting a step again (the answer term once the category is final) replaces its
   * deadline. Empty where the appeal's regime has no such step.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<Deadline> start(Appeal appeal, Step step, Instant from) {
    return Optional.ofNullable(start(appeal, Map.of(step, from)).get(step));
  }

  /**
   * Starts several steps' clocks at once, each at its own moment (registration starts moderation and the
   * answer): as {@link #start(Appeal, Step, Instant)} for each, with the appeal's next due time set once.
   * The deadlines started, by step; a step the regime does not know is left out.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Map<Step, Deadline> start(Appeal appeal, Map<Step, Instant> steps) {
    String regulation = regulationOf(appeal);
    // What the appeal had, read once: the steps started again are replaced, and the next due time is the
    // earliest of the other open deadlines and the new ones (a new appeal has none: one read, no deletes).
    Map<String, Deadline> before = of(appeal.id());
    List<String> replaced = before.values().stream().map(Deadline::step).filter(steps::containsKey)
        .map(Step::name).toList();
    if (!replaced.isEmpty()) {
      jdbc.sql("delete from appeal_deadline where appeal_id = :id and step in (:steps)")
          .param("id", appeal.id()).param("steps", replaced).update();
      Map<Step, Deadline> written = written(appeal.id());
      if (written != null) {
        written.keySet().removeIf(steps::containsKey);
      }
      if (replaced.contains(Step.ANSWER.name())) {
        appeals.answerTermChanged(appeal.id());
      }
    }
    Map<Step, Deadline> started = new LinkedHashMap<>();
    steps.forEach((step, from) -> deadline(appeal, regulation, step, from)
        .ifPresent(deadline -> started.put(step, deadline)));
    insert(appeal.id(), started.values());
    Map<Step, Deadline> written = written(appeal.id());
    if (written != null) {
      written.putAll(started);
    }
    appeals.setNextDue(appeal.id(), Stream.concat(
            before.values().stream().filter(deadline -> !steps.containsKey(deadline.step())),
            started.values().stream())
        .filter(deadline -> deadline.state() == State.OPEN).map(Deadline::due)
        .min(Comparator.naturalOrder()).orElse(null));
    return started;
  }

  /** The deadline the appeal's version of the table sets for the step started at {@code from}; empty without a rule. */
  private Optional<Deadline> deadline(Appeal appeal, String regulation, Step step, Instant from) {
    Optional<Term> found = table.term(regulation, step, appeal);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Term term = found.get();
    // As the database keeps them: to the microsecond.
    Instant startedAt = from.truncatedTo(ChronoUnit.MICROS);
    Instant due = workingTime.plus(startedAt, term.amount(), term.unit()).truncatedTo(ChronoUnit.MICROS);
    Instant remindAt = reminder(startedAt, due, term);
    return Optional.of(new Deadline(step, step.title(), utc(startedAt), utc(due),
        remindAt == null ? null : utc(remindAt.truncatedTo(ChronoUnit.MICROS)), term.amount(), term.unit(),
        term.reminderBefore(), term.reminderUnit(), null, State.OPEN, null, now().isAfter(utc(due))));
  }

  /** The started deadlines of an appeal, in one statement (registration starts two). */
  private void insert(long appealId, Collection<Deadline> started) {
    if (started.isEmpty()) {
      return;
    }
    List<Object> values = new ArrayList<>();
    for (Deadline deadline : started) {
      values.addAll(Arrays.asList(appealId, deadline.step().name(), deadline.startedAt(), deadline.due(),
          deadline.remindAt(), deadline.term(), deadline.unit().name(), deadline.reminderBefore(),
          deadline.reminderUnit() == null ? null : deadline.reminderUnit().name(), deadline.state().name()));
    }
    jdbc.sql("insert into appeal_deadline (" + COLUMNS + ") values "
            + String.join(", ", Collections.nCopies(started.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, null)")))
        .params(values)
        .update();
  }

  /** The step is done now: met or late, and a late step is on record as a breach with when it was done. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void done(Appeal appeal, Step step) {
    find(appeal.id(), step).filter(deadline -> deadline.state() == State.OPEN).ifPresent(deadline -> {
      changed(appeal.id());
      OffsetDateTime now = now();
      boolean late = now.isAfter(deadline.due());
      jdbc.sql("update appeal_deadline set state = :state, done_at = :now where appeal_id = :id and step = :step")
          .param("state", (late ? State.LATE : State.MET).name())
          .param("now", now)
          .param("id", appeal.id())
          .param("step", step.name())
          .update();
      if (step == Step.ANSWER) {
        appeals.answerTermChanged(appeal.id());
      }
      if (late && step.breachable()) {
        recordBreach(appeal, deadline);
        jdbc.sql("""
            update deadline_breach set done_at = :now
            where appeal_id = :id and step = :step and due_at = :due and done_at is null""")
            .param("now", now).param("id", appeal.id()).param("step", step.name()).param("due", deadline.due())
            .update();
      }
      refreshNextDue(appeal.id());
    });
  }

  /** A step that happens at once (a forwarding, an art. 11 notice): its term runs from registration. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void startAndFinish(Appeal appeal, Step step) {
    start(appeal, step, appeal.registeredAt().toInstant()).ifPresent(deadline -> done(appeal, step));
  }

  /** The deadline passed with the step still open: the breach is on record from this moment. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<Deadline> missed(Appeal appeal, Step step) {
    Optional<Deadline> deadline = find(appeal.id(), step).filter(d -> d.state() == State.OPEN);
    deadline.ifPresent(d -> recordBreach(appeal, d));
    return deadline;
  }

  /**
   * The appeal is closed: a step it still owed is done now if the appeal was answered (a fast-track
   * resolution), otherwise no longer owed.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void closeAll(Appeal appeal, boolean answered) {
    if (answered) {
      of(appeal.id()).values().stream().filter(d -> d.state() == State.OPEN).forEach(d -> done(appeal, d.step()));
    }
    changed(appeal.id());
    jdbc.sql("update appeal_deadline set state = :cancelled, done_at = :now where appeal_id = :id and state = :open")
        .param("cancelled", State.CANCELLED.name())
        .param("now", now())
        .param("open", State.OPEN.name())
        .param("id", appeal.id())
        .update();
    refreshNextDue(appeal.id());
  }

  /** Most days the head may add to the answer term, empty where the regime knows no extension. */
  public Optional<Integer> extensionLimit(Appeal appeal) {
    return table.term(regulationOf(appeal), Step.EXTENSION, appeal).map(Term::amount);
  }

  /**
   * Extends the answer term by the approved calendar days (once: 59-ФЗ art. 12 p. 2) and moves its reminder
   * with it. Returns the new deadline; the caller moves the running timers.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Deadline extendAnswer(Appeal appeal, int days) {
    Deadline answer = find(appeal.id(), Step.ANSWER)
        .filter(d -> d.state() == State.OPEN)
        .orElseThrow(() -> new IllegalStateException(appeal.registrationNumber() + " has no open answer term"));
    if (answer.extendedDays() != null) {
      throw new IllegalStateException("Срок ответа по обращению " + appeal.registrationNumber()
          + " уже продлевался; повторное продление закон не допускает");
    }
    // The term grows by the days (30 + 20 days from registration), not the date it was moved to.
    Instant due = answer.unit() == TermUnit.CALENDAR_DAYS
        ? workingTime.plus(answer.startedAt().toInstant(), answer.term() + days, TermUnit.CALENDAR_DAYS)
        : workingTime.plus(answer.due().toInstant(), days, TermUnit.CALENDAR_DAYS);
    // The reminder keeps the distance the table gave when the step started.
    Term term = new Term(answer.term(), answer.unit(), answer.reminderBefore(), answer.reminderUnit());
    changed(appeal.id());
    jdbc.sql("""
        update appeal_deadline set due_at = :due, remind_at = :remindAt, extended_days = :days
        where appeal_id = :id and step = :step""")
        .param("due", utc(due))
        .param("remindAt", utc(reminder(answer.startedAt().toInstant(), due, term)))
        .param("days", days)
        .param("id", appeal.id())
        .param("step", Step.ANSWER.name())
        .update();
    refreshNextDue(appeal.id());
    return find(appeal.id(), Step.ANSWER).orElseThrow();
  }

  public Optional<Deadline> find(long appealId, Step step) {
    Map<Step, Deadline> written = written(appealId);
    if (written != null) {
      return Optional.ofNullable(written.get(step));
    }
    return jdbc.sql("select " + COLUMNS + " from appeal_deadline where appeal_id = :id and step = :step")
        .param("id", appealId).param("step", step.name())
        .query(this::map).optional();
  }

  /** The appeal's deadlines in the order of its life, keyed by {@link Step#variable()}. */
  public Map<String, Deadline> of(long appealId) {
    Map<Step, Deadline> written = written(appealId);
    if (written != null) {
      return written.values().stream().collect(Collectors.toMap(deadline -> deadline.step().variable(),
          deadline -> deadline, (a, b) -> a, LinkedHashMap::new));
    }
    return of(List.of(appealId)).getOrDefault(appealId, Map.of());
  }

  /** The deadlines of several appeals at once (a page of the search). */
  public Map<Long, Map<String, Deadline>> of(Collection<Long> appealIds) {
    if (appealIds.isEmpty()) {
      return Map.of();
    }
    List<Row> rows = jdbc.sql("select " + COLUMNS + " from appeal_deadline where appeal_id in (:ids)")
        .param("ids", appealIds)
        .query((rs, n) -> new Row(rs.getLong("appeal_id"), map(rs, n)))
        .list();
    return rows.stream()
        .sorted((a, b) -> a.deadline().step().compareTo(b.deadline().step()))
        .collect(Collectors.groupingBy(Row::appealId, Collectors.toMap(row -> row.deadline().step().variable(),
            Row::deadline, (a, b) -> a, LinkedHashMap::new)));
  }

  private record Row(long appealId, Deadline deadline) {}

  /**
   * The deadlines of the appeals this transaction registers, as it wrote them: a new appeal has none until its
   * steps start, so registration neither reads what the appeal had before its first steps start nor reads back
   * what they set for the channel's receipt. Only a step's start keeps them; any other change of an appeal's
   * deadlines ({@link #done}, {@link #closeAll}, an extension) has them read from the table again.
   */
  private static final class Written implements TransactionSynchronization {
    private final Map<Long, Map<Step, Deadline>> complete = new HashMap<>();
    private final Set<Long> changed = new HashSet<>();
  }

  /** The appeal's deadlines, all of them, as this transaction wrote them; null where they are to be read. */
  private Map<Step, Deadline> written(long appealId) {
    Written written = TransactionState.of(Written.class, Written::new);
    if (written == null || written.changed.contains(appealId)) {
      return null;
    }
    Map<Step, Deadline> complete = written.complete.get(appealId);
    if (complete == null && appeals.registersInThisTransaction(appealId)) {
      complete = new EnumMap<>(Step.class);
      written.complete.put(appealId, complete);
    }
    return complete;
  }

  /** The appeal's deadlines change other than by a step's start: from now on they are read. */
  private void changed(long appealId) {
    Written written = TransactionState.of(Written.class, Written::new);
    if (written != null) {
      written.complete.remove(appealId);
      written.changed.add(appealId);
    }
  }

  private String regulationOf(Appeal appeal) {
    return appeals.regulationDecision(appeal.id()).orElseGet(() -> {
      String latest = table.latestVersion();
      appeals.pinRegulationDecision(appeal.id(), latest);
      return latest;
    });
  }

  private Instant reminder(Instant from, Instant due, Term term) {
    if (term.reminderBefore() == null) {
      return null;
    }
    Instant reminder = workingTime.minus(due, term.reminderBefore(), term.reminderUnit());
    // A step that starts after its reminder point (a letter registered late on a Friday) gets no reminder.
    return reminder.isBefore(from) ? null : reminder;
  }

  private void recordBreach(Appeal appeal, Deadline deadline) {
    Integer known = jdbc.sql("select count(*) from deadline_breach where appeal_id = :id and step = :step and due_at = :due")
        .param("id", appeal.id()).param("step", deadline.step().name()).param("due", deadline.due())
        .query(Integer.class).single();
    if (known == 0) {
      jdbc.sql("""
          insert into deadline_breach (appeal_id, step, organization, due_at, detected_at)
          values (:id, :step, :organization, :due, :now)""")
          .param("id", appeal.id())
          .param("step", deadline.step().name())
          .param("organization", deadline.step().byAppealCenter() ? null : appeal.organization())
          .param("due", deadline.due())
          .param("now", now())
          .update();
    }
  }

  private void refreshNextDue(long appealId) {
    OffsetDateTime next = jdbc.sql("select min(due_at) from appeal_deadline where appeal_id = :id and state = :open")
        .param("id", appealId).param("open", State.OPEN.name())
        .query(OffsetDateTime.class).list().stream().filter(Objects::nonNull).findFirst().orElse(null);
    appeals.setNextDue(appealId, next);
  }

  private Deadline map(ResultSet rs, int row) throws SQLException {
    Step step = Step.valueOf(rs.getString("step"));
    State state = State.valueOf(rs.getString("state"));
    OffsetDateTime due = rs.getObject("due_at", OffsetDateTime.class);
    OffsetDateTime doneAt = rs.getObject("done_at", OffsetDateTime.class);
    boolean overdue = state == State.LATE || state == State.OPEN && now().isAfter(due);
    return new Deadline(step, step.title(), rs.getObject("started_at", OffsetDateTime.class), due,
        rs.getObject("remind_at", OffsetDateTime.class), rs.getInt("term"), TermUnit.valueOf(rs.getString("unit")),
        rs.getObject("reminder_before", Integer.class),
        rs.getString("reminder_unit") == null ? null : TermUnit.valueOf(rs.getString("reminder_unit")),
        rs.getObject("extended_days", Integer.class), state, doneAt, overdue);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
