package ru.cur.appeals.answer;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.appeal.AppealProcess;
import ru.cur.appeals.appeal.AppealRepository;
import ru.cur.appeals.notification.NoticeKind;
import ru.cur.appeals.notification.Outbox;
import ru.cur.appeals.referencedata.ReferenceData;

/**
 * «Опубликовать ответ»: records the (approved) answer on the appeal and owes it to the resident
 * through the channel they wrote in.
 */
@Component("publishAnswer")
class PublishAnswer implements JavaDelegate {

  private final AppealRepository appeals;
  private final ReferenceData referenceData;
  private final Outbox outbox;

  PublishAnswer(AppealRepository appeals, ReferenceData referenceData, Outbox outbox) {
    this.appeals = appeals;
    this.referenceData = referenceData;
    this.outbox = outbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = (String) execution.getVariable(AppealProcess.APPEAL_ID);
    String answer = (String) execution.getVariable(AppealProcess.ANSWER_TEXT);
    appeals.recordAnswer(number, answer);
    Appeal appeal = appeals.getByNumber(number);
    outbox.owe(appeal, NoticeKind.ANSWERED, Map.of(
        "registrationNumber", number,
        "answer", answer,
        "organization", appeal.organization(),
        "organizationName", referenceData.organizationName(appeal.organization())));
  }
}
