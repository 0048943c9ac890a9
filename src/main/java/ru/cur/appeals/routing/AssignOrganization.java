package ru.cur.appeals.routing;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.cur.appeals.appeal.Appeal;
import ru.cur.appeals.appeal.AppealProcess;
import ru.cur.appeals.appeal.AppealRepository;
import ru.cur.appeals.notification.NoticeKind;
import ru.cur.appeals.notification.Outbox;
import ru.cur.appeals.referencedata.Organization;
import ru.cur.appeals.referencedata.ReferenceData;

/**
 * «Направить в организацию»: takes the routing decision ({@code appeal-routing}) into the process
 * variables and the appeal's row, and owes the resident the notice of where the appeal went.
 */
@Component("assignOrganization")
class AssignOrganization implements JavaDelegate {

  private final AppealRepository appeals;
  private final ReferenceData referenceData;
  private final Outbox outbox;

  AssignOrganization(AppealRepository appeals, ReferenceData referenceData, Outbox outbox) {
    this.appeals = appeals;
    this.referenceData = referenceData;
    this.outbox = outbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    Map<String, Object> routing = (Map<String, Object>) execution.getVariable(AppealProcess.ROUTING);
    String organizationCode = (String) routing.get(AppealProcess.ORGANIZATION);
    String responseType = (String) routing.get(AppealProcess.RESPONSE_TYPE);
    // A table that names an organisation the region does not have is a modelling error: the
    // incident shows it in Cockpit instead of sending the appeal nowhere.
    Organization organization = referenceData.organization(organizationCode).orElseThrow(() ->
        new IllegalStateException("appeal-routing returned unknown organisation '" + organizationCode + "'"));

    execution.setVariable(AppealProcess.ORGANIZATION, organization.code());
    // The first level of a delegation chain (DMN appeal-delegation reads its kind).
    execution.setVariable(AppealProcess.ORGANIZATION_KIND, organization.kind());
    execution.setVariable(AppealProcess.DELEGATION_LEVEL, 1);
    execution.setVariable(AppealProcess.RESPONSE_TYPE, responseType);
    execution.removeVariable(AppealProcess.ROUTING);

    String number = (String) execution.getVariable(AppealProcess.APPEAL_ID);
    appeals.classify(number, (String) execution.getVariable(AppealProcess.CATEGORY),
        (String) execution.getVariable(AppealProcess.TERRITORY));
    appeals.assign(number, organization.code(), responseType);
    Appeal appeal = appeals.getByNumber(number);
    outbox.owe(appeal, NoticeKind.ROUTED, Map.of(
        "registrationNumber", number,
        "organization", organization.code(),
        "organizationName", organization.name()));
  }
}
