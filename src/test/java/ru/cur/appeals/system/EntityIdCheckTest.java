package ru.cur.appeals.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/** The engine writes its rows through the late check, which refuses the same ids the engine's own check does. */
class EntityIdCheckTest {

  @Test
  void theEngineInsertsThroughTheLateCheck() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:entity-id-check;DB_CLOSE_DELAY=-1");
    configuration.setProcessEnginePlugins(List.of(new EntityIdCheck()));
    ProcessEngine engine = configuration.buildProcessEngine();
    try {
      engine.getRepositoryService().createDeployment().addModelInstance("one.bpmn",
          Bpmn.createExecutableProcess("one").camundaHistoryTimeToLive(1).startEvent().userTask().endEvent().done())
          .deploy();
      engine.getRuntimeService().startProcessInstanceByKey("one");

      assertThat(engine.getTaskService().createTaskQuery().count()).isOne();
      DbEntityManager manager = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
          .getCommandExecutorTxRequired().execute(context -> context.getDbEntityManager());
      assertThat(manager).isInstanceOf(EntityIdCheck.CheckingLate.class);
    } finally {
      engine.close();
    }
  }

  @Test
  void aGoodIdIsNotWrittenOut() {
    EntityIdCheck.CheckingLate check = new EntityIdCheck.CheckingLate(new StandaloneInMemProcessEngineConfiguration(),
        null);

    check.validateId(entity("4f1c2a"));
  }

  @Test
  void aMissingOrReservedIdIsRefusedAsTheEngineRefusesIt() {
    EntityIdCheck.CheckingLate check = new EntityIdCheck.CheckingLate(new StandaloneInMemProcessEngineConfiguration(),
        null);

    assertThatThrownBy(() -> check.validateId(entity(null)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("has an invalid id");
    assertThatThrownBy(() -> check.validateId(entity("*")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("cannot be *");
  }

  /** One of the engine's rows with the given id that cannot be written out: a good id must not need it. */
  private static DbEntity entity(String id) {
    ByteArrayEntity entity = new ByteArrayEntity() {
      @Override
      public String toString() {
        if (getId() == null || "*".equals(getId())) {
          return "ByteArrayEntity[id=" + getId() + "]";
        }
        throw new AssertionError("a good id was written out");
      }
    };
    entity.setId(id);
    return entity;
  }
}
