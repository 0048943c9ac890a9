package ru.cur.appeals.intake;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.appeal.AppealProcess;
import ru.cur.appeals.appeal.AppealRepository;
import ru.cur.appeals.system.ConflictException;

/** The resident withdraws the appeal: possible at any point before it is closed. */
@Service
public class Withdrawal {

  private final AppealRepository appeals;
  private final RuntimeService runtime;

  Withdrawal(AppealRepository appeals, RuntimeService runtime) {
    this.appeals = appeals;
    this.runtime = runtime;
  }

  @Transactional
  public Appeal withdraw(String registrationNumber) {
    Appeal appeal = appeals.getByNumber(registrationNumber);
    if (appeal.isClosed()) {
      throw new ConflictException("Appeal " + registrationNumber + " is already closed with outcome "
          + appeal.outcome() + "; a closed appeal cannot be withdrawn");
    }
    runtime.createMessageCorrelation(AppealProcess.WITHDRAWAL_MESSAGE)
        .processInstanceBusinessKey(registrationNumber)
        .correlateWithResult();
    return appeals.getByNumber(registrationNumber);
  }
}
