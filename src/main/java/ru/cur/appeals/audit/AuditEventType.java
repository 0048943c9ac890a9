package ru.cur.appeals.audit;

/** Kinds of events in an appeal's audit timeline, each with the words the auditor reads. */
public enum AuditEventType {
  APPEAL_RECEIVED("Обращение поступило"),
  APPEAL_REGISTERED("Обращение зарегистрировано"),
  PROCESS_STARTED("Процесс запущен"),
  PROCESS_ENDED("Процесс завершён"),
  ACTIVITY("Шаг процесса"),
  TASK_CREATED("Задача создана"),
  TASK_CLAIMED("Задача взята в работу"),
  TASK_ASSIGNED("Задача назначена"),
  TASK_UNASSIGNED("Задача возвращена в группу"),
  TASK_DELEGATED("Задача делегирована"),
  TASK_COMPLETED("Задача выполнена"),
  TASK_CANCELLED("Задача отменена"),
  VARIABLE_CHANGED("Переменная изменена"),
  DECISION_EVALUATED("Решение по таблице DMN"),
  USER_OPERATION("Действие пользователя"),
  INCIDENT_OPENED("Инцидент"),
  INCIDENT_RESOLVED("Инцидент устранён"),
  DEADLINE_SET("Срок установлен"),
  DEADLINE_MET("Срок соблюдён"),
  DEADLINE_MISSED("Срок нарушен"),
  DEADLINE_CANCELLED("Срок снят"),
  REMINDER("Напоминание"),
  ESCALATION("Эскалация: срок пропущен"),
  NOTICE("Уведомление заявителю"),
  LETTER("Печатное письмо"),
  CONFIRMATION_REQUESTED("Запрос подтверждения заявителю"),
  RESIDENT_ANSWERED("Ответ заявителя"),
  DELEGATION("Передача на уровень"),
  ANSWERED("Ответ дан"),
  APPEAL_CLOSED("Обращение закрыто");

  private final String label;

  AuditEventType(String label) {
    this.label = label;
  }

  /**
   * Among events of one instant (one transaction): the appeal is received and registered before its process starts
   * and the process's first steps happen, and it is closed after its last ones.
   */
  int rankInInstant() {
    return switch (this) {
      case APPEAL_RECEIVED -> 0;
      case APPEAL_REGISTERED -> 1;
      case PROCESS_STARTED -> 2;
      case PROCESS_ENDED -> 8;
      case APPEAL_CLOSED -> 9;
      default -> 5;
    };
  }

  public String label() {
    return label;
  }
}
