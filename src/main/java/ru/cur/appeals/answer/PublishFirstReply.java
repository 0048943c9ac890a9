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

/**
 * «Опубликовать первичный ответ»: the reply from the official page under the resident's post, that the
 * message is seen and who works on it, long before the organisation's answer.
 */
@Component("publishFirstReply")
class PublishFirstReply implements JavaDelegate {

  private final AppealRepository appeals;
  private final Outbox outbox;

  PublishFirstReply(AppealRepository appeals, Outbox outbox) {
    this.appeals = appeals;
    this.outbox = outbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = (String) execution.getVariable(AppealProcess.APPEAL_ID);
    String reply = (String) execution.getVariable(AppealProcess.FIRST_REPLY_TEXT);
    appeals.recordFirstReply(number, reply);
    Appeal appeal = appeals.getByNumber(number);
    outbox.owe(appeal, NoticeKind.FIRST_REPLY, Map.of("registrationNumber", number, "reply", reply));
  }
}
