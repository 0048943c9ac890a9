package ru.cur.appeals.moderation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import ru.cur.appeals.appeal.AppealProcess;

/**
 * Puts the appeal's card ({@link AppealCard}) among the form variables of every user task the model marks with the
 * extension property {@code card = appeal} (Camunda Modeler: the task's Extension properties) — what Tasklist reads
 * for a Camunda Form ({@code GET /task/{id}/form-variables}, {@code FormService#getTaskFormVariables}). The card is
 * made then, after the engine's own check that the user may read the task's variables, and stored nowhere. The
 * task's form itself ({@code GET /task/{id}/form}) is the model's, untouched.
 * A task created before the card was read this way keeps the copy it stored until it completes; the card made now
 * takes the place of that copy among its form variables.
 */
@Component
class CardOnForms extends AbstractProcessEnginePlugin {

  static final String PROPERTY = "card";
  static final String APPEAL = "appeal";
  /** The parsed activity's mark, read where the form variables are collected. */
  private static final String SHOWS_THE_CARD = CardOnForms.class.getName();

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
        if (properties != null && APPEAL.equals(properties.get(PROPERTY))) {
          activity.setProperty(SHOWS_THE_CARD, true);
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
    configuration.setFormService(new FormsWithCard(card::getObject));
  }

  /** Camunda's form service, a task's form variables read with the card where the model asks for it. */
  static final class FormsWithCard extends FormServiceImpl {

    private final Supplier<AppealCard> card;

    FormsWithCard(Supplier<AppealCard> card) {
      this.card = card;
    }

    @Override
    public VariableMap getTaskFormVariables(String taskId, Collection<String> formVariables,
        boolean deserializeObjectValues) {
      return commandExecutor.execute(new WithCard(taskId, formVariables, deserializeObjectValues, card));
    }
  }

  /** Camunda's command, then the card's values, each unless the caller named other variables only. */
  static final class WithCard extends GetTaskFormVariablesCmd {

    private final transient Supplier<AppealCard> card;

    WithCard(String taskId, Collection<String> formVariables, boolean deserializeObjectValues,
        Supplier<AppealCard> card) {
      super(taskId, formVariables, deserializeObjectValues);
      this.card = card;
    }

    @Override
    public VariableMap execute(CommandContext commandContext) {
      VariableMap variables = super.execute(commandContext);
      TaskEntity task = commandContext.getTaskManager().findTaskById(resourceId);
      if (showsTheCard(task) && task.getVariable(AppealProcess.APPEAL_ID) instanceof String registrationNumber) {
        card.get().of(registrationNumber, task.getTaskDefinitionKey()).forEach((name, value) -> {
          if (formVariableNames == null || formVariableNames.contains(name)) {
            variables.putValueTyped(name, value);
          }
        });
      }
      return variables;
    }

    private static boolean showsTheCard(TaskEntity task) {
      ProcessDefinitionEntity process = task.getProcessDefinitionId() == null ? null : task.getProcessDefinition();
      ActivityImpl activity = process == null ? null : process.findActivity(task.getTaskDefinitionKey());
      return activity != null && Boolean.TRUE.equals(activity.getProperty(SHOWS_THE_CARD));
    }
  }
}
