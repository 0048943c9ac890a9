package ru.cur.appeals.intake;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.appeal.AppealProcess;
import ru.cur.appeals.appeal.AppealRepository;
import ru.cur.appeals.notification.NoticeKind;
import ru.cur.appeals.notification.Outbox;

/** «Зарегистрировать обращение»: the resident is owed the registration number. */
@Component("registerAppeal")
class RegisterAppeal implements JavaDelegate {

  private final AppealRepository appeals;
  private final Outbox outbox;

  RegisterAppeal(AppealRepository appeals, Outbox outbox) {
    this.appeals = appeals;
    this.outbox = outbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Appeal appeal = appeals.getByNumber((String) execution.getVariable(AppealProcess.APPEAL_ID));
    outbox.owe(appeal, NoticeKind.REGISTERED, Map.of(
        "registrationNumber", appeal.registrationNumber(),
        "registeredAt", appeal.registeredAt().toString()));
  }
}
