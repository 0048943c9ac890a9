package ru.cur.appeals.regulation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.appeal.AppealProcess;
import ru.cur.appeals.appeal.AppealRepository;
import ru.cur.appeals.system.FormValues;
import ru.cur.appeals.system.RuleViolation;

/**
 * 59-ФЗ art. 12 p. 2 at the two tasks of an extension: the executor's request on «Подготовка ответа»
 * (only where the regime knows extensions, once, for at most the days the regulation allows, with a
 * reason) and the head's decision on «Решение о продлении срока» (a refusal says why).
 */
@Component("extensionCheck")
class ExtensionCheck implements TaskListener {

  private final AppealRepository appeals;
  private final Deadlines deadlines;

  ExtensionCheck(AppealRepository appeals, Deadlines deadlines) {
    this.appeals = appeals;
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateTask task) {
    if (AppealProcess.APPROVE_EXTENSION_TASK.equals(task.getTaskDefinitionKey())) {
      checkDecision(task);
    } else {
      checkRequest(task);
    }
  }

  private void checkRequest(DelegateTask task) {
    boolean requested = Boolean.TRUE.equals(FormValues.bool(task.getVariable(AppealProcess.EXTENSION_REQUESTED)));
    task.setVariable(AppealProcess.EXTENSION_REQUESTED, requested);
    if (!requested) {
      return;
    }
    Appeal appeal = appeals.getByNumber((String) task.getVariable(AppealProcess.APPEAL_ID));
    int limit = deadlines.extensionLimit(appeal).orElseThrow(() ->
        new RuleViolation("Продление срока ответа предусмотрено только для обращений по 59-ФЗ"));
    if (deadlines.find(appeal.id(), Step.ANSWER).map(Deadline::extendedDays).isPresent()) {
      throw new RuleViolation("Срок ответа уже продлевался; продлить его можно только один раз");
    }
    Integer days = days(task.getVariable(AppealProcess.EXTENSION_DAYS));
    if (days == null || days < 1 || days > limit) {
      throw new RuleViolation("Укажите, на сколько дней продлить срок: от 1 до " + limit);
    }
    if (FormValues.isBlank(task.getVariable(AppealProcess.EXTENSION_REASON))) {
      throw new RuleViolation("Укажите причину продления срока: её получит руководитель и заявитель");
    }
    checkLength(task.getVariable(AppealProcess.EXTENSION_REASON));
    task.setVariable(AppealProcess.EXTENSION_DAYS, days);
  }

  private static void checkDecision(DelegateTask task) {
    Boolean approved = FormValues.bool(task.getVariable(AppealProcess.EXTENSION_APPROVED));
    if (approved == null) {
      throw new RuleViolation("Выберите: продлить срок ответа или отказать в продлении");
    }
    if (!approved && FormValues.isBlank(task.getVariable(AppealProcess.EXTENSION_COMMENT))) {
      throw new RuleViolation("Отказывая в продлении, напишите исполнителю причину");
    }
    checkLength(task.getVariable(AppealProcess.EXTENSION_COMMENT));
    task.setVariable(AppealProcess.EXTENSION_APPROVED, approved);
    // The request is answered; the next «Подготовка ответа» starts without one.
    task.setVariable(AppealProcess.EXTENSION_REQUESTED, false);
  }

  private static void checkLength(Object text) {
    if (text != null && text.toString().length() > FormValues.TEXT_MAX_LENGTH) {
      throw new RuleViolation("Текст длиннее " + FormValues.TEXT_MAX_LENGTH + " символов; сократите его");
    }
  }

  private static Integer days(Object value) {
    if (value instanceof Number number && number.doubleValue() == number.intValue()) {
      return number.intValue();
    }
    if (value instanceof String text && text.strip().matches("\\d{1,3}")) {
      return Integer.valueOf(text.strip());
    }
    return null;
  }
}
