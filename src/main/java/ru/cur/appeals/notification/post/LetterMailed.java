package ru.cur.appeals.notification.post;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import ru.cur.appeals.system.FormValues;
import ru.cur.appeals.system.RuleViolation;

/**
 * Records on the letter what the clerk says on completing «Отправить письмо почтой»: the day it was mailed (not
 * before the letter was made, not in the future) and, for a registered letter, the Russian Post's tracking number.
 */
@Component("letterMailed")
class LetterMailed implements TaskListener {

  static final String MAILED_ON = "mailedOn";
  static final String TRACKING_NUMBER = "trackingNumber";

  /** Russian Post's identifiers: 14 digits inside Russia, or the UPU's S10 form (RA123456789RU) for abroad. */
  private static final Pattern TRACKING = Pattern.compile("\\d{14}|[A-Z]{2}\\d{9}[A-Z]{2}");

  private final PrintedLetters letters;
  private final Clock clock;

  LetterMailed(PrintedLetters letters, Clock clock) {
    this.letters = letters;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    PrintedLetter letter = letters.find(((Number) task.getVariable(PrintedLetters.LETTER_ID)).longValue())
        .orElseThrow();
    LocalDate mailedOn = mailedOn(task.getVariable(MAILED_ON), letter);
    String tracking = trackingNumber(task.getVariable(TRACKING_NUMBER));
    letters.recordMailing(letter.id(), mailedOn, clerk(task), tracking);
  }

  private LocalDate mailedOn(Object value, PrintedLetter letter) {
    if (FormValues.isBlank(value)) {
      throw new RuleViolation("Укажите дату отправки письма");
    }
    LocalDate date;
    try {
      // Camunda Forms' date field sends 2026-11-24; a longer ISO date-time is cut to its day.
      String text = value.toString().strip();
      date = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new RuleViolation("Дата отправки «" + value + "» не дата; укажите её как ГГГГ-ММ-ДД");
    }
    if (date.isAfter(LocalDate.now(clock))) {
      throw new RuleViolation("Дата отправки не может быть позже сегодняшней");
    }
    if (date.isBefore(letter.createdAt().atZoneSameInstant(clock.getZone()).toLocalDate())) {
      throw new RuleViolation("Дата отправки раньше, чем письмо подготовлено; проверьте её");
    }
    return date;
  }

  private static String trackingNumber(Object value) {
    if (FormValues.isBlank(value)) {
      return null;
    }
    String tracking = value.toString().replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    if (!TRACKING.matcher(tracking).matches()) {
      throw new RuleViolation("Почтовый идентификатор — 14 цифр или 13 знаков вида RA123456789RU; проверьте его");
    }
    return tracking;
  }

  /** Whoever completes the task; Tasklist has them claim it first, the REST API may not. */
  private static String clerk(DelegateTask task) {
    Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return user != null && user.getUserId() != null ? user.getUserId() : task.getAssignee();
  }
}
