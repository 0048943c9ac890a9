package ru.cur.appeals.regulation;

import java.util.List;

/**
 * The steps of an appeal that the regulation gives a term (the {@code step} input of DMN
 * {@code appeal-regulation}). The model's timers and due dates read a step's dates by its name
 * ({@code ${deadline.due(execution, 'ANSWER')}}, {@link DeadlineListener}); the start of a step offers them to its
 * transaction as {@code <variable>Due} and {@code <variable>Reminder}, the variables that instances of earlier model
 * versions keep.
 */
public enum Step {
  MODERATION("moderation", "Модерация обращения", List.of("moderate-appeal")),
  FIRST_REPLY("firstReply", "Первичный ответ заявителю", List.of("first-reply")),
  ANSWER("answer", "Подготовка ответа", List.of("prepare-answer", "approve-answer", "approve-extension")),
  RESOLUTION("resolution", "Решение проблемы (быстрое решение)", List.of()),
  CONFIRMATION("confirmation", "Подтверждение заявителем", List.of()),
  FORWARDING("forwarding", "Переадресация по компетенции", List.of()),
  NOTICE("notice", "Уведомление заявителя (ст. 11 59-ФЗ)", List.of()),
  EXTENSION("extension", "Продление срока ответа", List.of());

  private final String variable;
  private final String title;
  private final List<String> taskKeys;

  Step(String variable, String title, List<String> taskKeys) {
    this.variable = variable;
    this.title = title;
    this.taskKeys = taskKeys;
  }

  /** How the API and the process variables name the step: {@code answer}, {@code firstReply}. */
  public String variable() {
    return variable;
  }

  public String dueVariable() {
    return variable + "Due";
  }

  public String reminderVariable() {
    return variable + "Reminder";
  }

  /** What clerks and supervisors read. */
  public String title() {
    return title;
  }

  /** Done by the appeal center's own staff (moderators) rather than by the responsible organisation. */
  public boolean byAppealCenter() {
    return this == MODERATION || this == FIRST_REPLY;
  }

  /** A missed deadline of the step is a breach of the regulation; a resident's silence is not. */
  public boolean breachable() {
    return this != CONFIRMATION;
  }

  /** The user tasks whose work the step's term covers. */
  public List<String> taskKeys() {
    return taskKeys;
  }
}
