package ru.cur.appeals.intake;

import java.time.Period;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.appeal.AppealProcess;
import ru.cur.appeals.appeal.AppealRepository;
import ru.cur.appeals.notification.NoticeKind;
import ru.cur.appeals.notification.Outbox;

/**
 * «Зарегистрировать обращение»: the resident is owed the registration number, and an appeal that repeats
 * the same resident's recent one (same category and territory) is linked to it for the moderator. An appeal
 * imported from the registry that registered it owes no notice: the resident has its number from there.
 */
@Component("registerAppeal")
class RegisterAppeal implements JavaDelegate {

  private final AppealRepository appeals;
  private final Outbox outbox;
  private final Period repeatWindow;

  RegisterAppeal(AppealRepository appeals, Outbox outbox,
      @Value("${appeals.repeated-appeal-window:P30D}") Period repeatWindow) {
    this.appeals = appeals;
    this.outbox = outbox;
    this.repeatWindow = repeatWindow;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Appeal appeal = appeals.getByNumber((String) execution.getVariable(AppealProcess.APPEAL_ID));
    appeals.earlierAppealOfTheSameResident(appeal, appeal.registeredAt().minus(repeatWindow)).ifPresent(earlier -> {
      appeals.markRepeatOf(appeal.id(), earlier.registrationNumber());
      execution.setVariable(AppealProcess.REPEAT_OF, earlier.registrationNumber());
    });
    if (appeals.importedAt(appeal.id()).isEmpty()) {
      outbox.owe(appeal, NoticeKind.REGISTERED, Map.of(
          "registrationNumber", appeal.registrationNumber(),
          "registeredAt", appeal.registeredAt().toString()));
    }
  }
}
