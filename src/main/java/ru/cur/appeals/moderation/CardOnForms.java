package ru.cur.appeals.moderation;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.FormDataImpl;
import org.camunda.bpm.engine.impl.form.FormFieldImpl;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import ru.cur.appeals.appeal.AppealProcess;

/**
 * Puts the appeal's card ({@link AppealCard}) on the form of every user task the model marks with the extension
 * property {@code card = appeal} (Camunda Modeler: the task's Extension properties). The card comes as the form's
 * fields, which the engine hands out with the task's variables ({@code GET /task/{id}/form-variables}, what
 * Tasklist reads for a Camunda Form); it is made when they are read, not when the task's form key is.
 * A task created before the card was read this way keeps the copy it stored until it completes; its own variables
 * come after the form's fields, so the form shows the card made now.
 */
@Component
class CardOnForms extends AbstractProcessEnginePlugin {

  static final String PROPERTY = "card";
  static final String APPEAL = "appeal";

  /** Looked up when a form is read: the card reads beans that need the engine this plugin helps to build. */
  private final ObjectProvider<AppealCard> card;

  CardOnForms(ObjectProvider<AppealCard> card) {
    this.card = card;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        Map<String, String> properties = BpmnParseUtil.parseCamundaExtensionProperties(element);
        if (properties != null && APPEAL.equals(properties.get(PROPERTY))
            && activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
          TaskDefinition definition = userTask.getTaskDefinition();
          definition.setTaskFormHandler(new WithCard(definition.getTaskFormHandler(), card::getObject));
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  /** The model's form handler, its form's fields followed by the card's. */
  record WithCard(TaskFormHandler form, Supplier<AppealCard> card) implements TaskFormHandler {

    @Override
    public TaskFormData createTaskForm(TaskEntity task) {
      TaskFormData data = form.createTaskForm(task);
      // Read here, inside the engine's command; the card itself reads the appeal's row, outside the engine.
      Object appealId = task.getVariable(AppealProcess.APPEAL_ID);
      if (appealId instanceof String registrationNumber && data instanceof FormDataImpl fields) {
        fields.setFormFields(new CardFields(fields.getFormFields(),
            () -> card.get().of(registrationNumber, task.getTaskDefinitionKey())));
      }
      return data;
    }

    @Override
    public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
        ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
      form.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
    }

    @Override
    public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
      form.submitFormVariables(properties, variableScope);
    }
  }

  /** The form's own fields and the card's, the card made the first time the list is read. */
  static final class CardFields extends AbstractList<FormField> {

    private final List<FormField> own;
    private final Supplier<Map<String, TypedValue>> card;
    private List<FormField> all;

    CardFields(List<FormField> own, Supplier<Map<String, TypedValue>> card) {
      this.own = own == null ? List.of() : own;
      this.card = card;
    }

    @Override
    public FormField get(int index) {
      return all().get(index);
    }

    @Override
    public int size() {
      return all().size();
    }

    private List<FormField> all() {
      if (all == null) {
        List<FormField> fields = new ArrayList<>(own);
        card.get().forEach((name, value) -> {
          FormFieldImpl field = new FormFieldImpl();
          field.setId(name);
          field.setValue(value);
          fields.add(field);
        });
        all = List.copyOf(fields);
      }
      return all;
    }
  }
}
