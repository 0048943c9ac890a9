package ru.cur.appeals.regulation;

import java.time.OffsetDateTime;

/**
 * The deadline of one step of an appeal, as the regulation gave it when the step started.
 *
 * @param term the term and {@code unit} as the table set them, before any extension
 * @param reminderBefore how long before {@code due} (in {@code reminderUnit}) the table reminds, null for no reminder
 * @param extendedDays days added by the head's extension (59-ФЗ art. 12 p. 2), null if never extended
 * @param overdue the step is late: still open past its due time, or done after it
 */
public record Deadline(
    Step step,
    String title,
    OffsetDateTime startedAt,
    OffsetDateTime due,
    OffsetDateTime remindAt,
    int term,
    TermUnit unit,
    Integer reminderBefore,
    TermUnit reminderUnit,
    Integer extendedDays,
    State state,
    OffsetDateTime doneAt,
    boolean overdue) {

  /**
   * When the step's reminder timer fires: its reminder point, or its due time where the table sets no reminder, so
   * that the reminder timer meets the deadline and stays silent.
   */
  public OffsetDateTime reminderOrDue() {
    return remindAt != null ? remindAt : due;
  }

  /** Where a step stands against its deadline. */
  public enum State {
    OPEN, MET, LATE, CANCELLED
  }
}
