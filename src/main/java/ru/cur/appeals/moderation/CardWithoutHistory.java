package ru.cur.appeals.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * The appeal's card on a task ({@link AppealCard}) is a copy of the appeal's row made for the task's form, so its
 * variables are written to the engine's history by no one: the appeal's row and the audit timeline already keep
 * what they show. Under history level full each of them would be a historic variable and a historic detail — some
 * fifteen rows and five byte arrays for every task, the resident's name and contacts repeated in each — the
 * largest part of what an appeal's intake writes beyond a bare process start (bench/README.md, issue 9).
 * Everything else the engine records is written as before, by Camunda's own database handler.
 */
@Component
class CardWithoutHistory extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers =
        new ArrayList<>(Objects.requireNonNullElse(configuration.getCustomHistoryEventHandlers(), List.of()));
    handlers.add(0, new WithoutCards(new DbHistoryEventHandler()));
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  /** Camunda's database handler for every history event but those of a card's variables. */
  static final class WithoutCards implements HistoryEventHandler {

    private final HistoryEventHandler database;

    WithoutCards(HistoryEventHandler database) {
      this.database = database;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!ofACard(event)) {
        database.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }

    static boolean ofACard(HistoryEvent event) {
      return event instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() != null
          && AppealCard.VARIABLES.contains(variable.getVariableName());
    }
  }
}
